/* Gesture Ledger service worker: a shared tablet on weak wifi stays usable and fast.
   Served by the /sw.js route, which puts `self.SHELL_CONFIG = {version, shell, offline, timeoutMs}`
   before this file. What it does:
   - keeps the static shell (CSS, JS, icons, manifest) and the offline page at install, in a cache named
     after a hash of those files; the static shell is then served from that cache (cache first);
   - page loads go to the network first; when that fails or takes too long, the offline page is shown;
   - it never keeps pages a person saw or API answers (no-store responses are refused), and never touches
     anything but GETs: the gesture POSTs and the outbox go straight to the network. */
"use strict";

var CONFIG = self.SHELL_CONFIG;
var PREFIX = "gesture-ledger-shell-";
var CACHE = PREFIX + CONFIG.version;
var SHELL = new Set(CONFIG.shell);

// A response worth keeping: a whole, same-origin answer that does not ask not to be stored.
function keepable(response) {
  return response.ok && response.type === "basic" &&
    !/no-store/i.test(response.headers.get("Cache-Control") || "");
}

function fetchInto(cache, url) {
  return fetch(new Request(url, { cache: "reload", credentials: "same-origin" })).then(function (response) {
    if (!keepable(response)) { throw new Error("not kept: " + url + " (" + response.status + ")"); }
    return cache.put(url, response);
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(CONFIG.shell.map(function (url) { return fetchInto(cache, url); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    // Start the page's request while the worker boots (a cheap tablet takes a moment to start it).
    return self.registration.navigationPreload ? self.registration.navigationPreload.enable() : null;
  }).then(function () { return self.clients.claim(); }));
});

// The language changed on a page: keep the offline page in the new language.
self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "refresh-offline") {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      return fetchInto(cache, CONFIG.offline);
    }).catch(function () { /* offline now: the page we have will do */ }));
  }
});

function offlinePage() {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(CONFIG.offline, { ignoreVary: true });
  }).then(function (page) { return page || Response.error(); });
}

// Network first, with a time limit: a page that does not come is replaced by the offline page.
function navigate(event) {
  var network = Promise.resolve(event.preloadResponse).then(function (preloaded) {
    return preloaded || fetch(event.request);
  });
  var late = new Promise(function (resolve) {
    setTimeout(function () { resolve(null); }, CONFIG.timeoutMs);
  });
  event.waitUntil(network.catch(function () { return null; }));
  return Promise.race([network, late]).then(function (response) {
    return response || offlinePage();
  }, offlinePage);
}

function cacheFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (keepable(response)) { cache.put(request, response.clone()); }
        return response;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }  // posts (gestures, PINs, the outbox) are never intercepted
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
  } else if (SHELL.has(url.pathname) && !url.search) {
    event.respondWith(cacheFirst(request));
  }
  // Anything else (the API, report assets, …) goes to the network untouched.
});
