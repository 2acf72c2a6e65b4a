import { App, getApps, initializeApp } from "firebase-admin/app";
import type { Auth } from "firebase-admin/auth";
import type { TaskQueue } from "firebase-admin/functions";
import { Firestore, getFirestore } from "firebase-admin/firestore";

/** Region of every function (set in index.ts): close to the first coaches (Berlin). */
export const REGION = "europe-west1";

/** The Admin app, created on first use so a cold start imports only what it calls. */
export function adminApp(): App {
  return getApps()[0] ?? initializeApp();
}

/**
 * The Auth client, its module loaded on first use: only a few functions look
 * up accounts (a client added by e-mail, a mail's reply-to address), and none
 * of them before its first request.
 */
export async function adminAuth(): Promise<Auth> {
  const { getAuth } = await import("firebase-admin/auth");
  return getAuth(adminApp());
}

/** The Cloud Tasks queue of one task function (its module loaded on first use, like the Auth client's). */
export async function taskQueue(functionName: string): Promise<TaskQueue> {
  const { getFunctions } = await import("firebase-admin/functions");
  return getFunctions(adminApp()).taskQueue(`locations/${REGION}/functions/${functionName}`);
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
