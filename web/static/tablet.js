/* Gesture Ledger tablet comfort: tile search, PIN keypad, return to the names when idle.
   Everything here is optional: without JavaScript the forms post as plain HTML. No framework. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  function tileSearch() {
    var input = document.querySelector("[data-tile-search]");
    var list = document.querySelector("[data-tiles]");
    if (!input || !list) { return; }
    var empty = document.querySelector("[data-tiles-empty]");
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(list.children, function (li) {
        var match = !q || (li.getAttribute("data-name") || "").indexOf(q) !== -1;
        li.hidden = !match;
        if (match) { shown += 1; }
      });
      if (empty) { empty.hidden = shown !== 0; }
    });
  }

  function pinPad() {
    var form = document.querySelector("[data-pin-form]");
    if (!form) { return; }
    var input = form.querySelector("input[name=pin]");
    var dots = form.querySelectorAll("[data-pin-dots] span");
    // The on-screen keypad replaces the device keyboard, which would cover it.
    input.setAttribute("inputmode", "none");
    function render() {
      input.value = input.value.replace(/[^0-9]/g, "").slice(0, 6);
      var n = input.value.length;
      Array.prototype.forEach.call(dots, function (dot, i) {
        dot.classList.toggle("filled", i < n);
        dot.hidden = i >= Math.max(4, n);
      });
    }
    form.addEventListener("click", function (event) {
      var key = event.target.closest("[data-key]");
      if (!key) { return; }
      var value = key.getAttribute("data-key");
      if (value === "back") { input.value = input.value.slice(0, -1); }
      else if (input.value.length < 6) { input.value += value; }
      render();
    });
    input.addEventListener("input", render);
    render();
    form.setAttribute("data-ready", "");  // keys work from here on (browser tests wait for this)
  }

  // Run `action` after `seconds` without a touch, key or scroll.
  function whenIdle(seconds, action) {
    var timer = null;
    function reset() {
      window.clearTimeout(timer);
      timer = window.setTimeout(action, seconds * 1000);
    }
    ["pointerdown", "keydown", "input", "scroll", "touchstart"].forEach(function (name) {
      document.addEventListener(name, reset, { passive: true, capture: true });
    });
    reset();
  }

  function idleReturn() {
    var body = document.body;
    // A staff PIN session: sign out (the server does the same after the same time).
    var seconds = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
    var form = document.getElementById(body.getAttribute("data-idle-form") || "");
    if (seconds && form) { whenIdle(seconds, function () { form.submit(); }); }
    // A page that returns to the names when left alone (the PIN pad).
    var back = parseInt(body.getAttribute("data-return-seconds") || "0", 10);
    var href = body.getAttribute("data-return-href");
    if (back && href) { whenIdle(back, function () { window.location.assign(href); }); }
  }

  ready(function () {
    tileSearch();
    pinPad();
    idleReturn();
  });
}());
