// The coach app's service worker (registered by site/src/app/pwa.ts on /app
// pages, scope "/"). What it does:
//   - /app and /de/app: network first, the cached page when offline;
//   - /_astro/*: cache first (file names carry a content hash, never change);
//   - manifests and icons: cache first;
//   - Firebase Auth's check of the signed-in user at start (accounts:lookup,
//     and the token refresh before it): given up after a few seconds, so that
//     a weak network never keeps the app waiting on the sign-in form;
//   - everything else (callables, Firestore, other pages): untouched,
//     never cached — data freshness is Firestore's own offline cache's job;
//   - `push` (Firebase Cloud Messaging, Web Push): shows the notification;
//     a tap opens the app.
const VERSION = "v1";
const SHELL = `coach-app-shell-${VERSION}`;
const ASSETS = `coach-app-assets-${VERSION}`;
const APP_PAGES = ["/app", "/de/app"];
const STATIC = [
  "/manifest.webmanifest",
  "/de/manifest.webmanifest",
  "/icons/icon.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/maskable-512.png",
  "/favicon.svg",
];

/** The /_astro/ files a page references (its scripts and styles). */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/_astro\/[^"]+)"/g)].map((match) => match[1]);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      const assets = await caches.open(ASSETS);
      const found = new Set();
      for (const path of APP_PAGES) {
        const response = await fetch(path, { cache: "no-cache" });
        if (!response.ok) continue;
        for (const asset of assetsOf(await response.clone().text())) found.add(asset);
        await shell.put(path, response);
      }
      // One by one: a single missing file must not leave the rest uncached.
      await Promise.all([...found, ...STATIC].map((url) => assets.add(url).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL, ASSETS]);
      for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The page sends the assets it loaded before this worker controlled it (see pwa.ts). */
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "cache-assets" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter(
    (url) =>
      typeof url === "string" &&
      new URL(url, self.location.origin).origin === self.location.origin &&
      new URL(url, self.location.origin).pathname.startsWith("/_astro/"),
  );
  event.waitUntil(
    caches.open(ASSETS).then(async (cache) => {
      for (const url of urls) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
    }),
  );
});

/** How long a navigation waits for the network before the stored page is shown (a weak signal is worse than none). */
const NETWORK_WAIT_MS = 4000;

/** The app page: fresh from the network, the stored copy when offline or when the network is too slow. */
async function appPage(event, path) {
  const cache = await caches.open(SHELL);
  const network = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(path, response.clone());
    return response;
  });
  // The network answer, if it comes late, still refreshes the stored copy.
  event.waitUntil(network.catch(() => undefined));
  const cached = await cache.match(path);
  if (!cached) return network;
  const slow = new Promise((resolve) => setTimeout(() => resolve(stored(cached)), NETWORK_WAIT_MS));
  return Promise.race([network, slow]).catch(() => stored(cached));
}

/**
 * The stored page, marked as such (Server-Timing "stored", which the page
 * reads from its navigation timing): the page says it shows what was loaded
 * last even where the browser still believes it is online.
 */
function stored(response) {
  const headers = new Headers(response.headers);
  headers.append("Server-Timing", "stored");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Hashed assets, manifests and icons: from the cache, else fetched and kept. */
async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/**
 * How long the start-up check of the signed-in user may take. Auth reloads
 * the stored user over the network before it tells the page who is signed in
 * (and before Firestore reads even its offline cache); on a weak network that
 * request can hang for half a minute. A network error instead is what Auth
 * takes as "offline": it keeps the user signed in and the app opens at once.
 */
const AUTH_CHECK_WAIT_MS = 4000;

/** Auth's user check and token refresh (production hosts and the emulator's paths alike). */
const isAuthCheck = (url) => url.pathname.endsWith("/v1/accounts:lookup") || url.pathname.endsWith("/v1/token");

function authCheck(request) {
  const late = new Promise((resolve) => setTimeout(() => resolve(Response.error()), AUTH_CHECK_WAIT_MS));
  return Promise.race([fetch(request), late]).catch(() => Response.error());
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method === "POST" && isAuthCheck(new URL(request.url))) {
    event.respondWith(authCheck(request));
    return;
  }
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname.replace(/\.html$/, "").replace(/\/$/, "");
  if (request.mode === "navigate" && APP_PAGES.includes(path)) {
    event.respondWith(appPage(event, path));
  } else if (url.pathname.startsWith("/_astro/") || STATIC.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

/** An FCM message: { notification: { title, body }, data, fcmOptions: { link } } as Web Push JSON. */
self.addEventListener("push", (event) => {
  let payload;
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { notification: { title: "SoloCoach", body: event.data ? event.data.text() : "" } };
  }
  const notification = payload.notification ?? {};
  const data = payload.data ?? {};
  const title = notification.title ?? data.title ?? "SoloCoach";
  const link = (payload.fcmOptions && payload.fcmOptions.link) || data.link || "/app";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: notification.body ?? data.body ?? "",
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      tag: data.tag,
      data: { link },
    }),
  );
});

/** A tap on a notification focuses an open app window, or opens the app. */
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const link = new URL((event.notification.data && event.notification.data.link) || "/app", self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).pathname.replace(/\.html$/, "").endsWith("/app"));
      if (open) {
        await open.focus();
        if (open.url !== link && "navigate" in open) await open.navigate(link);
        return;
      }
      await self.clients.openWindow(link);
    })(),
  );
});
