import { App, getApps, initializeApp } from "firebase-admin/app";
import { Firestore, getFirestore } from "firebase-admin/firestore";

/** Region of every function (set in index.ts): close to the first coaches (Berlin). */
export const REGION = "europe-west1";

/** The Admin app, created on first use so a cold start imports only what it calls. */
export function adminApp(): App {
  return getApps()[0] ?? initializeApp();
}

/** The Firestore client. */
export function db(): Firestore {
  return getFirestore(adminApp());
}

/**
 * Transactions that claim calendar cells race with each other for popular
 * slots; more attempts let a loser see the winner's claim (SLOT_TAKEN)
 * instead of giving up (CONTENDED).
 */
export const CLAIM_TRANSACTION = { maxAttempts: 10 } as const;
