/* Draws the report's charts from the JSON the page carries (the CSP forbids inline scripts).
   Each chart is a <div class="chart" data-figure="ID"> and a <script type="application/json" id="ID">.
   The prompts come first and need no script: plotly.js (the URL is on .charts[data-plotly]) is fetched
   only after the page has painted, unless this browser has run that very file before (then it comes from
   its cache), and each chart is drawn when it scrolls into view. Without this script, or without plotly,
   the tables beside the charts still tell everything. */
(function () {
  "use strict";

  var plotly = null;  // a promise of window.Plotly once the library is asked for
  // The fingerprinted URL of the plotly.js this browser last ran: the file is in its cache for a year, so
  // on a later visit there is no download to keep away from the first paint (only a compile, off the main
  // thread) and the library is asked for at once. A public URL, nothing personal.
  var RAN = "gesture-ledger-plotly-ran";

  function plotlyUrl() {
    var holder = document.querySelector("[data-plotly]");
    return holder ? holder.getAttribute("data-plotly") : null;
  }

  function ranBefore(url) {
    try { return url !== null && window.localStorage.getItem(RAN) === url; } catch (e) { return false; }
  }

  function loadPlotly() {
    if (plotly) { return plotly; }
    var url = plotlyUrl();
    plotly = new Promise(function (resolve, reject) {
      if (window.Plotly) { resolve(window.Plotly); return; }
      if (!url) { reject(new Error("no plotly")); return; }
      var script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.onload = function () {
        try { window.localStorage.setItem(RAN, url); } catch (e) { /* storage blocked: after the paint */ }
        resolve(window.Plotly);
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return plotly;
  }

  function draw(el) {
    if (el.dataset.drawing) { return; }
    el.dataset.drawing = "1";
    var source = document.getElementById(el.getAttribute("data-figure"));
    if (!source) { return; }
    loadPlotly().then(function (Plotly) {
      var figure = JSON.parse(source.textContent);
      var config = { displayModeBar: false, responsive: true };
      return Plotly.newPlot(el, figure.data, figure.layout, config);
    }).then(function () {
      el.classList.add("is-drawn");
      document.dispatchEvent(new CustomEvent("report:chart-drawn", { detail: el }));
    }).catch(function () { /* the table beside the chart stays the way in */ });
  }

  function drawWhenSeen(charts) {
    if (!("IntersectionObserver" in window)) { charts.forEach(draw); return; }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { seen.unobserve(entry.target); draw(entry.target); }
      });
    }, { rootMargin: "300px 0px" });
    charts.forEach(function (el) { seen.observe(el); });
  }

  function setTablesOpen(open) {
    // Print shows every chart's table; a closed <details> would print as its summary alone.
    document.querySelectorAll("details.chart-table").forEach(function (d) {
      if (open) { d.dataset.wasOpen = d.open ? "1" : ""; d.open = true; }
      else if (d.dataset.wasOpen !== undefined) { d.open = d.dataset.wasOpen === "1"; }
    });
  }

  function autoSubmit() {
    document.querySelectorAll("[data-autosubmit]").forEach(function (field) {
      field.addEventListener("change", function () { field.form.submit(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var charts = Array.prototype.slice.call(document.querySelectorAll(".chart[data-figure]"));
    if (charts.length) {
      drawWhenSeen(charts);
      // On a first visit, fetch and run the library right after the first paint with the prompts, not at
      // "load" and not beside the page (its download and compile would compete with that paint): the
      // prompts are on screen by then, and charts further down are ready sooner when reached. A frame
      // callback runs before that paint, the timeout after it. Once run, it comes from the cache: at once.
      if (ranBefore(plotlyUrl())) { loadPlotly(); }
      else { requestAnimationFrame(function () { setTimeout(loadPlotly, 0); }); }
    }
    autoSubmit();
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
    window.addEventListener("beforeprint", function () { setTablesOpen(true); });
    window.addEventListener("afterprint", function () { setTablesOpen(false); });
  });
})();
