// Build-time only: loads every coach's public projection and validates it.
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { PublicCoach } from "../../../functions/src/domain/public-coach.js";

/** All published coaches, parsed with the shared schema (a bad document fails the build). */
export async function loadPublicCoaches(): Promise<PublicCoach[]> {
  const app = getApps()[0] ?? initializeApp({ projectId: import.meta.env.PUBLIC_FIREBASE_PROJECT_ID });
  const snapshot = await getFirestore(app).collection("publicCoaches").get();
  return snapshot.docs.map((doc) => PublicCoach.parse(doc.data()));
}
