// Leadpact's service worker, written into each build by tools/postbuild.mjs
// (the file list and version below are that build's: they cannot drift).
// Offline: every file of the build is cached when the worker installs, and
// served from that cache; a navigation gets the build's index.html, so the
// app opens with no network. Updates: a new build's worker installs beside
// the running one and waits; the page offers "reload", which tells it to
// take over, and only then does the page load again — one build's html, js
// and wasm are never mixed with another's.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = "leadpact-build-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("leadpact-build-") && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // The team's sync server and anything else elsewhere: not ours to cache.
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    const index = new URL("index.html", self.registration.scope).href;
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(index))
        .then((hit) => hit || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
