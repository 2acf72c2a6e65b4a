import { App, getApps, initializeApp } from "firebase-admin/app";
import { Firestore, getFirestore } from "firebase-admin/firestore";
import { setGlobalOptions } from "firebase-functions/v2";

/** Region of every function: close to the first coaches (Berlin). */
export const REGION = "europe-west1";

setGlobalOptions({ region: REGION, maxInstances: 10 });

/** The Admin app, created on first use so a cold start imports only what it calls. */
export function adminApp(): App {
  return getApps()[0] ?? initializeApp();
}

/** The Firestore client. */
export function db(): Firestore {
  return getFirestore(adminApp());
}
