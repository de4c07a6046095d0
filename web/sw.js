// Layer Lens's service worker: keeps studying possible offline. Online, every
// request goes to the network as usual (so a new build shows at once); when the
// network fails, the copy cached at install answers. build.py fills in the
// version and the list of the site's files.
const VERSION = "@version@";
const FILES = "@files@";
const CACHE = `layer-lens-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith("layer-lens-") && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request).catch(() =>
      caches.match(request, { ignoreSearch: true }).then((cached) => cached ?? Response.error())),
  );
});
