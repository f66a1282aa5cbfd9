/* Gesture Ledger outbox: gestures wait in localStorage until the server has them.
   Each item is sent as JSON to the API with its signed send token (not the PIN session, which may be
   over by then). The gesture id is the server's idempotency key, so sending twice is harmless.
   Sends on page load, when the browser comes back online, and every 30 s while items wait.
   A save made offline also queues the end of the PIN session (signOut): once the gestures are through,
   the server is told, and a page still showing that person goes back to the names (issue 12, finding 1). */
(function () {
  "use strict";
  var KEY = "gesture-ledger-outbox-v1";
  var SIGNOUT = "gesture-ledger-signout-v1";
  var box = document.getElementById("outbox");
  var api = (box && box.getAttribute("data-api")) || "/api/gestures";
  var chain = Promise.resolve({});

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]") || []; } catch (e) { return []; }
  }
  function store(items) {
    try { window.localStorage.setItem(KEY, JSON.stringify(items)); } catch (e) { /* storage full or blocked */ }
    render();
  }
  function update(id, fn) {
    store(load().map(function (item) { return item.id === id ? fn(item) : item; }).filter(Boolean));
  }

  function render() {
    if (!box) { return; }
    var items = load();
    var failed = items.filter(function (i) { return i.failed; }).length;
    var waiting = items.length - failed;
    var parts = [];
    if (waiting === 1) { parts.push(box.getAttribute("data-one")); }
    if (waiting > 1) { parts.push(box.getAttribute("data-many").replace("{n}", waiting)); }
    if (failed) { parts.push(box.getAttribute("data-failed").replace("{n}", failed)); }
    var count = document.getElementById("outbox-count");
    if (count) { count.textContent = parts.join(" · "); }
    box.setAttribute("data-waiting", String(waiting));
    box.hidden = items.length === 0;
  }

  async function sendAll() {
    var results = {};
    var items = load();
    for (var i = 0; i < items.length; i += 1) {
      var item = items[i];
      if (item.failed) { continue; }
      var res;
      try {
        res = await fetch(api, {
          method: "POST", credentials: "same-origin", cache: "no-store",
          headers: { "Content-Type": "application/json", "Accept": "application/json" },
          body: JSON.stringify(item.payload)
        });
      } catch (e) {
        results[item.id] = { status: "offline" };
        break;  // no network: the rest would fail the same way
      }
      var body = {};
      try { body = await res.json(); } catch (e) { body = {}; }
      if (res.ok || res.status === 409) {
        update(item.id, function () { return null; });
        results[item.id] = { status: "sent", code: res.status, body: body };
      } else if (res.status >= 500 || res.status === 429 || res.status === 408) {
        results[item.id] = { status: "offline", code: res.status };
        break;  // the server is struggling: try again later
      } else {
        update(item.id, function (it) { it.failed = res.status; return it; });
        results[item.id] = { status: "rejected", code: res.status, body: body };
      }
    }
    var offline = Object.keys(results).some(function (id) { return results[id].status === "offline"; });
    if (!offline) { await sendSignOut(); }
    render();
    return results;
  }

  // --- the PIN session's end, queued by an offline save ---------------------------------------------
  function signOutPending() {
    try { return window.localStorage.getItem(SIGNOUT) === "1"; } catch (e) { return false; }
  }
  function setSignOut(on) {
    try {
      if (on) { window.localStorage.setItem(SIGNOUT, "1"); } else { window.localStorage.removeItem(SIGNOUT); }
    } catch (e) { /* storage blocked: the name tiles end the session when they are reached */ }
  }
  async function sendSignOut() {
    if (!signOutPending()) { return; }
    var res;
    try {
      res = await fetch((box && box.getAttribute("data-done")) || "/tablet/done", {
        method: "POST", credentials: "same-origin", cache: "no-store",
        headers: { "Content-Type": "application/json", "Accept": "application/json" }, body: "{}"
      });
    } catch (e) { return; }  // still offline: try again with the next flush
    if (res.status >= 500) { return; }
    setSignOut(false);
    // A page that still shows the person (signed in with a PIN) goes back to the names.
    if (document.body.hasAttribute("data-idle-seconds") || document.getElementById("gesture-form")) {
      window.location.assign((box && box.getAttribute("data-names")) || "/tablet");
    }
  }

  function flush() {
    chain = chain.then(sendAll, sendAll);
    return chain;
  }

  function add(payload) {
    var items = load().filter(function (i) { return i.id !== payload.gesture_id; });
    items.push({ id: payload.gesture_id, payload: payload, queued_at: payload.queued_at });
    store(items);
  }

  function forget(id) { update(id, function () { return null; }); }

  window.GestureOutbox = {
    add: add, flush: flush, forget: forget, count: function () { return load().length; },
    signOut: function () { setSignOut(true); }, keepSignedIn: function () { setSignOut(false); }
  };

  render();
  window.addEventListener("online", flush);
  window.setInterval(function () {
    if (signOutPending() || load().some(function (i) { return !i.failed; })) { flush(); }
  }, 30000);
  if (load().length || signOutPending()) { flush(); }
})();
