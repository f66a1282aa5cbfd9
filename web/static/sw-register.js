/* Gesture Ledger: register the service worker (web/static/sw.js, served at /sw.js) on tablet pages.
   Without service workers (an old browser, a private window) the pages work as before. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) { return; }
  var LANG_KEY = "gesture-ledger-offline-lang";
  var script = document.currentScript;
  var url = (script && script.getAttribute("data-sw")) || "/sw.js";
  var scope = (script && script.getAttribute("data-scope")) || "/";

  // The offline page is kept in the language it was fetched in: after a switch, fetch it again.
  function keepOfflinePageInThisLanguage(registration) {
    var lang = document.documentElement.lang;
    var kept = null;
    try { kept = window.localStorage.getItem(LANG_KEY); } catch (e) { /* storage blocked */ }
    if (kept === lang || !registration.active) { return; }
    registration.active.postMessage({ type: "refresh-offline" });
    try { window.localStorage.setItem(LANG_KEY, lang); } catch (e) { /* storage blocked */ }
  }

  function register() {
    navigator.serviceWorker.register(url, { scope: scope }).catch(function () { /* next page load tries again */ });
    navigator.serviceWorker.ready.then(keepOfflinePageInThisLanguage);
  }

  if (document.readyState === "complete") { register(); } else { window.addEventListener("load", register); }
}());
