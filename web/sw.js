// Layer Lens's service worker: keeps studying possible offline, one whole build at a time.
// build.py fills in the build's version and the list of its files.
//
// Every file but index.html has a name that changes with its content (app/<version>/,
// vendor/<package>-<version>/), so a kept file is always right for the page that asks
// for it. The page itself (index.html) is asked of the network first, past any HTTP
// cache (a host may send long cache lifetimes), so an online visit gets the newest
// build whole; offline, the kept build answers whole. A new build is kept in a cache of
// its own and replaces the old one only once complete.
const VERSION = "@version@";
const FILES = "@files@";
const CACHE = `layer-lens-${VERSION}`;

// A versioned file is the same bytes under the same name: taken from an older build's
// cache, or from the HTTP cache (the page has just downloaded most of them), never
// downloaded twice. The page itself is fetched past the HTTP cache.
async function keep(cache, file) {
  const old = file === "./" ? undefined : await caches.match(file, { ignoreSearch: true });
  const response = old ?? await fetch(new Request(file, { cache: file === "./" ? "reload" : "default" }));
  if (!response.ok) throw new Error(`${file}: ${response.status}`); // not kept: the old build stays
  await cache.put(file, response);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => Promise.all(FILES.map((file) => keep(cache, file))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith("layer-lens-") && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
      .then(() => self.clients.matchAll({ type: "window" }))
      .then((pages) => { for (const page of pages) page.postMessage({ version: VERSION }); }),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") { // the page: the newest online, the kept one offline
    event.respondWith(
      fetch(request, { cache: "reload" })
        .catch(() => caches.open(CACHE).then((cache) => cache.match("./")))
        .then((response) => response ?? Response.error()),
    );
    return;
  }
  event.respondWith( // a versioned file: the kept copy, else the network
    caches.open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((kept) => kept ?? fetch(request)),
  );
});
