'use strict';
// The three trace types the report's charts use (reports/charts.py): plotly.js core brings scatter and
// the components (axes, annotations, colorbar, legend, hover); bar and heatmap are registered here.
// Everything else of the cartesian bundle (box, violin, histograms, contours, pie, image, world calendars)
// only cost parse and start-up time on every page view.
var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/heatmap')]);

module.exports = Plotly;
