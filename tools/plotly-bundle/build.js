// The report's plotly.js bundle, built the way plotly.js builds its own partial bundles (esbuild, IIFE,
// global `Plotly`), minified, with the MIT licence on top. See README.md.
const esbuild = require('esbuild');
const path = require('path');

const version = require('plotly.js/package.json').version;
const out = path.resolve(__dirname, '../../web/static/vendor', `plotly-report-${version}.min.js`);

esbuild.build({
    entryPoints: [path.join(__dirname, 'entry.js')],
    outfile: out,
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    minify: true,
    target: 'es2016',
    legalComments: 'none',
    // The first line asks V8 to compile every function while the file streams in, off the main thread
    // (Chromium's explicit compile hints): the report calls most of them on its first chart anyway, and
    // compiling them lazily on the main thread was a third of the first draw.
    banner: {js: '//# allFunctionsCalledOnLoad\n' + `/**\n* plotly.js (report: scatter, bar, heatmap - minified) v${version}\n` +
                 '* Copyright 2012-2026, Plotly, Inc.\n* All rights reserved.\n* Licensed under the MIT license\n*/'},
    // as plotly.js's esbuild-config.js; the map subplot's stylesheet (unused here) is written beside the
    // bundle by esbuild and deleted below
    alias: {regl: '@plotly/regl', stream: 'stream-browserify'},
    define: {global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false'},
    logLevel: 'info',
}).then(() => {
    require('fs').rmSync(out.replace(/\.js$/, '.css'), {force: true});
}).catch(() => process.exit(1));
