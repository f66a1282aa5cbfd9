"""Layout checks for the browser tests, measured from the page's bounding boxes.

    overlapping_pairs(page, root="body") -> list[str]
        Pairs of visible things a person reads or taps (labels, legends, chips, fields, buttons, links,
        summaries, messages) under `root` whose boxes overlap by more than a pixel, described as
        "<a> overlaps <b>". One element inside the other does not count. [] means nothing overlaps.

    sideways_scroll(page) -> int
        How many CSS pixels the page is wider than the window (0: no horizontal scrolling).

    too_wide(page) -> list[str]
        The visible elements whose right edge lies beyond the window, to say what makes a page scroll.
"""

_THINGS = ("legend, label, summary, input:not([type=hidden]), textarea, select, button, a, "
           ".field-error, .form-error, .field-label, .frame, .frame-note, h1, h2")

_OVERLAPS = """([root, selector]) => {
  const scope = document.querySelector(root);
  if (!scope) { return ["no element matches " + root]; }
  const visible = (el) => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 2 && r.height > 2 && s.visibility !== "hidden" && s.opacity !== "0";
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.getAttribute("for") ? "[for=" + el.getAttribute("for") + "]" : "") +
    ' "' + (el.innerText || el.value || "").trim().slice(0, 30) + '"';
  const items = Array.from(scope.querySelectorAll(selector)).filter(visible);
  const found = [];
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      const a = items[i], b = items[j];
      if (a.contains(b) || b.contains(a)) { continue; }
      const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (w > 1 && h > 1) { found.push(name(a) + " overlaps " + name(b)); }
    }
  }
  return found;
}"""

_TOO_WIDE = """() => {
  const limit = document.documentElement.clientWidth;
  return Array.from(document.body.querySelectorAll("*")).filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > limit + 1;
  }).slice(0, 12).map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className ? "." + el.classList.value.split(" ").join(".") : "") +
    " right=" + Math.round(el.getBoundingClientRect().right));
}"""


def overlapping_pairs(page, root: str = "body") -> list[str]:
    """Visible labels, fields, buttons and messages under `root` that overlap one another (see module doc)."""
    return page.evaluate(_OVERLAPS, [root, _THINGS])


def sideways_scroll(page) -> int:
    """CSS pixels the document is wider than the window: 0 when nothing scrolls sideways."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def too_wide(page) -> list[str]:
    """Up to 12 visible elements reaching beyond the window's right edge (what makes a page scroll)."""
    return page.evaluate(_TOO_WIDE)
