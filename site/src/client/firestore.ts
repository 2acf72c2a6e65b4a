// Realtime reads for the coach app (and the portal's message thread):
// Firestore's web SDK, loaded only by the pages that listen. Writes never go
// through it: every change is a callable (the rules deny client writes).
import { connectFirestoreEmulator, getFirestore, type Firestore } from "firebase/firestore";
import { firebaseApp } from "./app.js";

let db: Firestore | undefined;

/** The Firestore instance, pointed at the emulator when the build says so. */
export function clientDb(): Firestore {
  if (db) return db;
  db = getFirestore(firebaseApp());
  const emulator = import.meta.env.PUBLIC_FIRESTORE_EMULATOR_HOST;
  if (emulator) {
    const [host = "127.0.0.1", port = "8080"] = emulator.split(":");
    connectFirestoreEmulator(db, host, Number(port));
  }
  return db;
}
