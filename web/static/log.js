/* Gesture Ledger log screen comfort: quick picks, a personal-data hint before saving, the frame note,
   and saving through the outbox so a gesture survives a dropped connection. Without JavaScript the
   form posts as plain HTML and the server does all of this itself. */
(function () {
  "use strict";
  var form = document.getElementById("gesture-form") || document.getElementById("correct-form");
  if (!form) { return; }

  // --- quick picks: a chip and the "other" field never both count -----------------------------------
  function pairPicks(pickName, otherId) {
    var other = document.getElementById(otherId);
    if (!other) { return; }
    var picks = form.querySelectorAll("input[name=" + pickName + "]");
    Array.prototype.forEach.call(picks, function (p) {
      p.addEventListener("change", function () {
        if (p.checked) { other.value = ""; clearError(otherId); frameNote(); }
      });
    });
    other.addEventListener("input", function () {
      if (other.value.trim()) { Array.prototype.forEach.call(picks, function (p) { p.checked = false; }); }
      clearError(otherId);  // a changed value is no longer the one the error was about
      frameNote();
    });
  }

  // --- the frame: a calm note when this gesture would go beyond it -----------------------------------
  function cents(text) {
    var m = /^\s*(?:€\s?)?(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text || "");
    if (!m) { return null; }
    return parseInt(m[1], 10) * 100 + parseInt(((m[2] || "0") + "0").slice(0, 2), 10);
  }
  function chosenCents() {
    var other = document.getElementById("cost");
    if (other && other.value.trim()) { return cents(other.value); }
    var pick = form.querySelector("input[name=cost_pick]:checked");
    return pick ? parseInt(pick.value, 10) : null;
  }
  function frameNote() {
    var note = document.getElementById("frame-note");
    if (!note) { return; }
    var cap = form.getAttribute("data-cap"), allowance = form.getAttribute("data-allowance");
    var used = parseInt(form.getAttribute("data-used") || "0", 10);
    var max = parseInt(form.getAttribute("data-max") || "0", 10);
    var other = document.getElementById("cost");
    var c = chosenCents();
    // An amount that cannot be saved (€5000, or one marked wrong) gets its field error only: "this goes
    // beyond the frame, that is fine" would contradict it.
    var invalid = (max > 0 && c !== null && c > max) || (other && other.getAttribute("aria-invalid") === "true");
    var beyond = !invalid && c !== null && cap !== "" && cap !== null &&
      (c > parseInt(cap, 10) || (c > 0 && used + c > parseInt(allowance, 10)));
    note.hidden = !beyond;
  }

  // --- personal data: point it out before saving (the server redacts it either way) -----------------
  var plates = ["LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
    "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D"].map(function (code) {
    return code.split("-").map(function (g) { return (g[0] === "L" ? "[A-Za-z]" : "\\d") + "{" + g.length + "}"; }).join("-");
  });
  var patterns = {
    email: /[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/,
    phone: /(?:^|[^\w+@])(?:(?:\+|00)\d{2}[ -]?(?:\(0\)[ -]?)?\d(?:[ -]?\d){7,10}|0[1-9](?:[ -]?\d){8})(?![\w@])/,
    iban: /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}\b/g,
    card: /(?:^|[^\w.,])(\d(?:[ -]?\d){12,18})(?![\w])/g,
    licence_plate: new RegExp("(?:^|[^\\w-])(?:" + plates.join("|") + ")(?![\\w-])")
  };
  // A title and a capitalised name ("mevrouw de Vries", "Mr Smith", "familie Jansen"), as ledger/pii.py
  // finds them: "meneer vroeg om een taxi" is no name, and Mr/Ms count only with their capital M.
  var titled = new RegExp("(?:^|[^\\w.])(?:(mevrouw|mevr\\.?|mw\\.?|meneer|mijnheer|mnr\\.?|dhr\\.?|de\\s+heer|" +
    "familie|fam\\.)|(m(?:rs?|s)\\.?|miss))\\s+(?:[A-Z]\\.\\s?)*(?:(?:van|de|der|den|ter|ten|te|het|'t|in|op|la|le|du|von|vd\\.?)\\s+)*" +
    "(\\S+)", "gi");
  var capitalised = /^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+/;
  function customerName(text) {
    var m;
    titled.lastIndex = 0;
    while ((m = titled.exec(text)) !== null) {
      if ((m[1] || m[2].charAt(0) === "M") && capitalised.test(m[3])) { return true; }
    }
    return false;
  }
  function luhn(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i += 1) {
      var d = parseInt(digits[digits.length - 1 - i], 10);
      if (i % 2) { d = d * 2; if (d > 9) { d -= 9; } }
      sum += d;
    }
    return sum % 10 === 0 && /(\d)(?!\1+$)/.test(digits);
  }
  function ibanOk(text) {
    var s = text.replace(/ /g, "").toUpperCase();
    if (s.length < 15 || s.length > 34) { return false; }
    var moved = s.slice(4) + s.slice(0, 4), rest = 0;
    for (var i = 0; i < moved.length; i += 1) {
      var code = parseInt(moved[i], 36);
      rest = (code > 9 ? rest * 100 + code : rest * 10 + code) % 97;
    }
    return rest === 1;
  }
  function findings(text) {
    var found = [];
    if (patterns.email.test(text)) { found.push("email"); }
    if ((text.match(patterns.iban) || []).some(ibanOk)) { found.push("iban"); }
    var m, card = false;
    patterns.card.lastIndex = 0;
    while ((m = patterns.card.exec(text)) !== null) { if (luhn(m[1].replace(/\D/g, ""))) { card = true; } }
    if (card) { found.push("card"); }
    if (!card && patterns.phone.test(text)) { found.push("phone"); }
    if (patterns.licence_plate.test(text)) { found.push("licence-plate"); }
    if (customerName(text)) { found.push("customer-name"); }
    return found;
  }
  var words = document.getElementById("pii-words");
  function piiHint(area) {
    var hint = document.getElementById(area.id + "-pii");
    if (!hint || !words) { return; }
    var found = findings(area.value);
    if (!found.length) { hint.hidden = true; hint.textContent = ""; return; }
    var what = found.map(function (c) { return words.getAttribute("data-" + c); }).join(", ");
    hint.textContent = words.getAttribute("data-template").replace("{what}", what);
    hint.hidden = false;
  }

  // --- field errors from the API's 422, shown as the server shows them --------------------------------
  var banner = document.getElementById("form-error");
  function controlOf(name) {
    return form.querySelector("[name='" + name + "']:not([type=hidden])");
  }
  function describe(el, id, on) {
    var ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (on) { ids.push(id); }
    if (ids.length) { el.setAttribute("aria-describedby", ids.join(" ")); } else { el.removeAttribute("aria-describedby"); }
  }
  function clearError(name) {
    var message = document.getElementById(name + "-error");
    var el = controlOf(name);
    if (message) { message.parentNode.removeChild(message); }
    if (!el) { return; }
    var box = el.closest(".log-row, .log-when, .field");
    if (box && !box.querySelector(".field-error")) { box.classList.remove("has-error"); }
    el.removeAttribute("aria-invalid");
    describe(el, name + "-error", false);
    if (box) { describe(box, name + "-error", false); }
  }
  function showError(name, text) {
    var el = controlOf(name);
    var box = el && el.closest(".log-row, .log-when, .field");
    if (!box) { return false; }
    clearError(name);
    var p = document.createElement("p");
    p.className = "field-error";
    p.id = name + "-error";
    var icon = banner && banner.querySelector("svg");
    if (icon) { p.appendChild(icon.cloneNode(true)); }
    var span = document.createElement("span");
    span.textContent = text;
    p.appendChild(span);
    box.appendChild(p);
    box.classList.add("has-error");
    if (el.type === "radio") { describe(box, p.id, true); } else {
      el.setAttribute("aria-invalid", "true");
      describe(el, p.id, true);
    }
    var story = box.closest("details");
    if (story) { story.open = true; }
    return true;
  }
  function fieldErrors(body) {
    // Today's API: {errors: {field: message}, codes: {field: code}}; problem+json may instead carry a list
    // ({field|name|pointer, message|detail|reason, code}) under errors or invalid-params.
    var out = {}, fallback = banner ? banner.getAttribute("data-check") : "";
    var list = body.errors || body["invalid-params"] || body.invalid_params || {};
    if (Array.isArray(list)) {
      list.forEach(function (e) {
        var name = String(e.field || e.name || e.pointer || "").replace(/^#?\/*/, "");
        if (name) { out[name] = e.message || e.detail || e.reason || fallback; }
      });
    } else if (typeof list === "object") {
      Object.keys(list).forEach(function (name) {
        var e = list[name];
        out[name] = typeof e === "string" ? e : (e && (e.message || e.detail)) || fallback;
      });
    }
    return out;
  }
  function showErrors(body) {
    Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (p) {
      clearError(p.id.replace(/-error$/, ""));
    });
    var errors = fieldErrors(body || {}), first = null, unplaced = [];
    Object.keys(errors).forEach(function (name) {
      if (name !== "form" && showError(name, errors[name])) { first = first || controlOf(name); } else {
        unplaced.push(errors[name]);  // the form as a whole, or a field this form does not show
      }
    });
    var summary = unplaced.join(" ") || (first ? "" : (body && body.detail) || "");
    if (banner) {
      banner.querySelector("span").textContent = summary || banner.getAttribute("data-fields");
      banner.hidden = false;
    }
    frameNote();
    (first || banner || form).focus();
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: "center" }); }
  }

  // --- saving through the outbox ------------------------------------------------------------------
  function uuid4() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function payload() {
    var data = {};
    new FormData(form).forEach(function (value, key) {
      if (key !== "csrf_token" && key !== "person_name") { data[key] = value; }
    });
    data.queued_at = new Date().toISOString();
    return data;
  }
  function nativeSubmit() {
    form.setAttribute("data-native", "1");
    HTMLFormElement.prototype.submit.call(form);
  }
  function showQueued() {
    // Saved offline: the person is done, so their PIN session ends as soon as the server can hear it
    // (and the name tiles end it too, whichever comes first). "Log another gesture" takes that back.
    window.GestureOutbox.signOut();
    form.hidden = true;
    var queued = document.getElementById("queued");
    if (queued) { queued.hidden = false; queued.focus(); }
    // Leaving for the names needs the network; the idle timer must not try it while offline.
    document.body.removeAttribute("data-idle-form");
  }
  function resetForm() {
    window.GestureOutbox.keepSignedIn();
    form.reset();
    form.querySelector("input[name=gesture_id]").value = uuid4();
    form.hidden = false;
    document.getElementById("queued").hidden = true;
    frameNote();
  }
  async function save(event) {
    if (form.id !== "gesture-form" || !window.GestureOutbox || !window.fetch) { return; }
    event.preventDefault();
    var button = document.getElementById("save");
    button.disabled = true;
    var data = payload();
    window.GestureOutbox.add(data);
    var results = await window.GestureOutbox.flush();
    var result = results[data.gesture_id] || { status: "offline" };
    if (result.status === "sent" && result.body && result.body.thanks_url) {
      window.location.assign(result.body.thanks_url);
    } else if (result.status === "sent") {
      nativeSubmit();  // a conflict: let the server explain it next to the form
    } else if (result.status === "rejected" && result.code === 422) {
      // Invalid input: the answer names the fields. Show it here; posting the form again would only
      // send the same gesture a second time to hear the same answer.
      window.GestureOutbox.forget(data.gesture_id);
      button.disabled = false;
      showErrors(result.body);
    } else if (result.status === "rejected") {
      // An expired send token or the like: the plain form post (with its CSRF token) explains it.
      window.GestureOutbox.forget(data.gesture_id);
      nativeSubmit();
    } else {
      button.disabled = false;
      showQueued();
    }
  }

  pairPicks("cost_pick", "cost");
  pairPicks("effort_pick", "effort");
  Array.prototype.forEach.call(form.querySelectorAll("textarea[data-pii-check]"), function (area) {
    area.addEventListener("input", function () { piiHint(area); });
    piiHint(area);
  });
  form.addEventListener("submit", save);
  form.addEventListener("change", function (event) {
    var t = event.target;  // a new choice answers the error marked on its row
    if (t.type === "radio" && !/_pick$/.test(t.name)) { clearError(t.name); }
  });
  var another = document.getElementById("queued-another");
  if (another) { another.addEventListener("click", resetForm); }
  window.addEventListener("online", function () {
    // Once the queue is through after an offline save, the tablet returns to the names.
    var queued = document.getElementById("queued");
    if (!queued || queued.hidden) { return; }
    window.GestureOutbox.flush().then(function () {
      if (window.GestureOutbox.count() === 0) {
        // The names end the PIN session on the server too (and the queued sign-out has already gone).
        window.location.assign(queued.getAttribute("data-back"));
      }
    });
  });
  frameNote();
})();
