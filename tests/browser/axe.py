"""axe-core in the browser tests: the WCAG 2.2 AA rules run on a page as it is at that moment.

axe-core comes from the PyPI package axe-playwright-python (a dev extra), which ships axe.min.js; it is
injected into the page under test by Playwright, never served by the app, and no CDN is involved.

For any screen (call it after the screen has settled, in each state worth checking):

    assert_accessible(page, "log form", exclude=(), impacts=BLOCKING) -> None
        Fails with a readable list (rule, impact, help, the offending elements) when axe finds violations
        of the given impacts (default: serious and critical) under the WCAG 2.2 AA tags.

    axe_violations(page, exclude=(), impacts=BLOCKING, tags=WCAG_TAGS) -> list[dict]
        The same check returning axe's violation objects (id, impact, help, helpUrl, nodes), for tests
        that want to look at them themselves.

    describe(violations) -> str
        Violations as text, one rule per paragraph, with the first few offending elements.

`exclude` takes CSS selectors of parts that are not ours to fix (e.g. a third-party widget); say why
next to the call. Run it at tablet and desktop sizes and in both languages: contrast and names change.
"""

from axe_playwright_python.base import AXE_SCRIPT

WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
BLOCKING = ("serious", "critical")

_RUN = """async ([exclude, options]) => {
  const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
  const result = await window.axe.run(context, options);
  return result.violations;
}"""


def axe_violations(page, *, exclude: tuple[str, ...] = (), impacts: tuple[str, ...] = BLOCKING,
                   tags: tuple[str, ...] = WCAG_TAGS) -> list[dict]:
    """axe's violations of `tags` on the page as it is now, limited to the given impacts."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    found = page.evaluate(_RUN, [list(exclude), options])
    return [v for v in found if v.get("impact") in impacts]


def describe(violations: list[dict]) -> str:
    """Readable text: rule id, impact, what it means, and up to five offending elements each."""
    parts = []
    for v in violations:
        nodes = "\n".join(f"    {', '.join(map(str, n['target']))}: {n.get('failureSummary', '').strip()}"
                          .replace("\n  ", " ") for n in v["nodes"][:5])
        more = f"\n    … and {len(v['nodes']) - 5} more" if len(v["nodes"]) > 5 else ""
        parts.append(f"  {v['id']} ({v['impact']}): {v['help']}\n{nodes}{more}")
    return "\n".join(parts)


def assert_accessible(page, screen: str, *, exclude: tuple[str, ...] = (),
                      impacts: tuple[str, ...] = BLOCKING) -> None:
    """Fail with a readable report when axe finds serious or critical WCAG 2.2 AA violations on the page."""
    found = axe_violations(page, exclude=exclude, impacts=impacts)
    assert not found, f"{screen} ({page.url}) has accessibility violations:\n{describe(found)}"
