// The coach app as an installable, offline-capable web app: keeps Firestore
// reads on the device, registers the service worker (site/public/sw.js) on
// /app pages only, hands it the assets this page already loaded, and shows
// the offline note while the device has no network.
import { wantOfflineCache } from "../client/offline-cache.js";
import { asLang } from "../i18n/index.js";
import { shellText } from "./text.js";

/** /app, /de/app (also as .html): the only pages the service worker is for. */
export const isAppPath = (path: string) => /^\/(?:[a-z]{2}\/)?app(?:\.html)?\/?$/.test(path);

/** The service worker registration, once /sw.js is active (rejects where there is none). */
export function appServiceWorker(): Promise<ServiceWorkerRegistration> {
  if (!("serviceWorker" in navigator)) return Promise.reject(new Error("no service worker support"));
  return navigator.serviceWorker.ready;
}

/**
 * The scripts and styles of this page were fetched before the worker took
 * control, so it never saw them: send their URLs for its cache, so the next
 * visit works offline. Later fetches (lazy chunks) pass through the worker.
 */
function shareLoadedAssets(worker: ServiceWorker | null | undefined): void {
  if (!worker) return;
  const urls = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((url) => new URL(url).origin === location.origin && new URL(url).pathname.startsWith("/_astro/"));
  worker.postMessage({ type: "cache-assets", urls });
}

async function registerWorker(): Promise<void> {
  if (!("serviceWorker" in navigator) || !isAppPath(location.pathname)) return;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const registration = await navigator.serviceWorker.ready;
    shareLoadedAssets(registration.active);
    navigator.serviceWorker.addEventListener("controllerchange", () => shareLoadedAssets(navigator.serviceWorker.controller));
  } catch (error) {
    // Without the worker the app still works online; only offline reloads are lost.
    console.warn("service worker not registered", error);
  }
}

/** Shows shellText.offline at the top of <coach-app> whenever the network is gone or the page is the stored copy. */
function offlineNote(): void {
  const app = document.querySelector("coach-app");
  if (!(app instanceof HTMLElement)) return;
  const note = document.createElement("p");
  note.className = "offline-note";
  note.dataset.offline = "";
  note.setAttribute("role", "status");
  note.textContent = shellText(asLang(app.dataset.lang)).offline;
  // The service worker marks the stored page it served because the network failed or was too slow (sw.js).
  const navigation = performance.getEntriesByType("navigation")[0];
  let storedPage = navigation instanceof PerformanceNavigationTiming && navigation.serverTiming.some((timing) => timing.name === "stored");
  const update = () => {
    note.hidden = navigator.onLine && !storedPage;
  };
  update();
  app.querySelector("[data-view]")?.before(note);
  addEventListener("online", () => {
    storedPage = false;
    update();
  });
  addEventListener("offline", update);
}

wantOfflineCache();
offlineNote();
void registerWorker();
