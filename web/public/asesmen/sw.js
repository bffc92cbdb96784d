/*
 * The assessment app's service worker (scope /asesmen/). It keeps what the app needs to open
 * without a connection: the page, the config, the built scripts and styles, and the instrument
 * text. Answers never pass through here; they live in IndexedDB and go to the API when online.
 * - Pages, /config.json and the instrument: network first, the cached copy when offline.
 * - /assets/ (hashed names, never change): cache first.
 * - Everything else under /v1/ (the code-authorised session, submission, results): network only.
 */
const CACHE = 'sinergi-asesmen-v1';
const SHELL = '/asesmen/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, '/config.json']))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// The page tells which files it loaded before the worker was in control, so they are kept too.
self.addEventListener('message', (event) => {
  const { data } = event;
  if (data?.type !== 'cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((url) => cacheable(new URL(url, self.location.origin)));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)));
});

function cacheable(url) {
  if (url.origin !== self.location.origin) return false;
  if (url.pathname.startsWith('/v1/')) return url.pathname.startsWith('/v1/assessment/content/');
  return true;
}

async function networkFirst(request, key) {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(CACHE)).put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(key);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname === '/config.json' || url.pathname.startsWith('/v1/assessment/content/')) {
    event.respondWith(networkFirst(request, url.pathname));
  }
});
