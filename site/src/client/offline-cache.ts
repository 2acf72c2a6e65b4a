// Whether this page keeps Firestore reads on the device (IndexedDB). A tiny
// module of its own so the coach app can ask for it before Firestore (a large
// chunk) is loaded.

let wanted = false;

/** Asks clientDb() for a persistent local cache; call before the first clientDb(). */
export function wantOfflineCache(): void {
  wanted = true;
}

/** True when this page asked for the persistent cache. */
export function offlineCacheWanted(): boolean {
  return wanted;
}
