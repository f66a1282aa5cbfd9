/* Presentation mode: arrow keys, swipe, Escape and full screen on top of the page's links (which work alone). */
(function () {
  "use strict";
  var body = document.body;
  if (!body || !body.hasAttribute("data-present")) return;

  function go(name) {
    var url = body.getAttribute("data-" + name);
    if (url) window.location.assign(url);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var key = event.key;
    if (key === "ArrowRight" || key === "PageDown" || (key === " " && event.target === body)) {
      event.preventDefault();
      go("next");
    } else if (key === "ArrowLeft" || key === "PageUp") {
      event.preventDefault();
      go("prev");
    } else if (key === "Escape" && !document.fullscreenElement) {
      go("exit");
    }
  });

  var startX = null, startY = null;
  body.addEventListener("touchstart", function (event) {
    if (event.touches.length !== 1) { startX = null; return; }
    startX = event.touches[0].clientX;
    startY = event.touches[0].clientY;
  }, { passive: true });
  body.addEventListener("touchend", function (event) {
    if (startX === null) return;
    var dx = event.changedTouches[0].clientX - startX, dy = event.changedTouches[0].clientY - startY;
    startX = null;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 1.5 * Math.abs(dy)) go(dx < 0 ? "next" : "prev");
  }, { passive: true });

  var full = document.querySelector("[data-fullscreen]");
  if (full && document.documentElement.requestFullscreen) {
    full.hidden = false;
    full.addEventListener("click", function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(function () {});
    });
  }
})();
