interface ImportMetaEnv {
  readonly PUBLIC_FIREBASE_PROJECT_ID: string;
  readonly PUBLIC_FIREBASE_API_KEY: string;
  readonly PUBLIC_FUNCTIONS_ORIGIN: string;
  readonly PUBLIC_AUTH_EMULATOR_ORIGIN?: string;
  readonly PUBLIC_FIRESTORE_EMULATOR_HOST?: string;
  /** Where push tokens come from: "fcm" (production) or "emulator" (a fake per-device token). */
  readonly PUBLIC_PUSH_REGISTRAR?: "fcm" | "emulator";
  /** The project's Web Push certificate key (Firebase console → Cloud Messaging); production only. */
  readonly PUBLIC_FCM_VAPID_KEY?: string;
  /** The web app's id and the FCM sender id (Firebase console → project settings); production push only. */
  readonly PUBLIC_FIREBASE_APP_ID?: string;
  readonly PUBLIC_FIREBASE_MESSAGING_SENDER_ID?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare namespace App {
  interface Locals {
    /** The coach of an on-demand coach page (set by the `coachPage` function). */
    coach?: import("../../functions/src/domain/public-coach.js").PublicCoach;
  }
}
