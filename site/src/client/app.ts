// The one Firebase web app of the site, configured at build time (see README, "Site modes").
import { getApps, initializeApp, type FirebaseApp } from "firebase/app";

/** The Firebase app (created once). */
export function firebaseApp(): FirebaseApp {
  return (
    getApps()[0] ??
    initializeApp({
      apiKey: import.meta.env.PUBLIC_FIREBASE_API_KEY,
      projectId: import.meta.env.PUBLIC_FIREBASE_PROJECT_ID,
      authDomain: `${import.meta.env.PUBLIC_FIREBASE_PROJECT_ID}.firebaseapp.com`,
    })
  );
}
