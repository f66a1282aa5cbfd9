/* Draws the report's charts from the JSON the page carries (the CSP forbids inline scripts).
   Each chart is a <div class="chart" data-figure="ID"> and a <script type="application/json" id="ID">.
   Without this script, or without plotly, the tables beside the charts still tell everything. */
(function () {
  "use strict";

  function draw(el) {
    var source = document.getElementById(el.getAttribute("data-figure"));
    if (!source || !window.Plotly) { return; }
    var figure = JSON.parse(source.textContent);
    var config = { displayModeBar: false, responsive: true };
    window.Plotly.newPlot(el, figure.data, figure.layout, config).then(function () {
      el.classList.add("is-drawn");
    });
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
    document.querySelectorAll(".chart[data-figure]").forEach(draw);
    autoSubmit();
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
    window.addEventListener("beforeprint", function () { setTablesOpen(true); });
    window.addEventListener("afterprint", function () { setTablesOpen(false); });
  });
})();
