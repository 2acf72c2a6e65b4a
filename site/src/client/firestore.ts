// Realtime reads for the coach app (and the portal's message thread):
// Firestore's web SDK, loaded only by the pages that listen. Writes never go
// through it: every change is a callable (the rules deny client writes).
import {
  connectFirestoreEmulator,
  initializeFirestore,
  memoryLocalCache,
  persistentLocalCache,
  persistentMultipleTabManager,
  type Firestore,
} from "firebase/firestore";
import { firebaseApp } from "./app.js";
import { offlineCacheWanted } from "./offline-cache.js";

let db: Firestore | undefined;

/**
 * The Firestore instance, pointed at the emulator when the build says so.
 * The coach app keeps what it read in IndexedDB (shared by its open tabs), so
 * today's sessions still show offline; other pages (the client portal, maybe
 * on a shared device) keep nothing once the tab closes.
 */
export function clientDb(): Firestore {
  if (db) return db;
  const localCache = offlineCacheWanted() ? persistentLocalCache({ tabManager: persistentMultipleTabManager() }) : memoryLocalCache();
  db = initializeFirestore(firebaseApp(), { localCache });
  const emulator = import.meta.env.PUBLIC_FIRESTORE_EMULATOR_HOST;
  if (emulator) {
    const [host = "127.0.0.1", port = "8080"] = emulator.split(":");
    connectFirestoreEmulator(db, host, Number(port));
  }
  return db;
}

/**
 * Forgets everything read on this device (signing out of the coach app): the
 * instance stops and its IndexedDB cache is deleted, so the next person on
 * this browser finds nothing of it.
 */
export async function forgetLocalData(): Promise<void> {
  if (!db) return;
  const { clearIndexedDbPersistence, terminate } = await import("firebase/firestore");
  const instance = db;
  db = undefined;
  await terminate(instance);
  await clearIndexedDbPersistence(instance);
}
