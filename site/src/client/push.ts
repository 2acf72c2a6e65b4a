// Push on this device: where the coach app gets the token it registers with
// registerDevice. Production asks Firebase Cloud Messaging (FCM) for a Web
// Push token bound to the app's service worker; the emulators cannot reach
// FCM, so there a stable fake token per browser stands in for it.
import { getApp, getApps, initializeApp, type FirebaseApp } from "firebase/app";
import { firebaseApp } from "./app.js";

/** Gives this device's push token, asking the person for permission first if needed. */
export interface PushRegistrar {
  token(): Promise<string>;
}

/** The person (or the browser) refused notifications; nothing can be registered. */
export class PushPermissionError extends Error {
  constructor() {
    super("Notification permission was not granted.");
    this.name = "PushPermissionError";
  }
}

/** Asks for permission to show notifications, where the browser knows them. */
async function askPermission(): Promise<void> {
  if (typeof Notification === "undefined") return;
  const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
  if (permission !== "granted") throw new PushPermissionError();
}

/**
 * FCM needs two values the rest of the site does not (the web app id and the
 * sender id), so messaging gets its own app instance with the full config.
 */
function messagingApp(): FirebaseApp {
  const name = "messaging";
  if (getApps().some((app) => app.name === name)) return getApp(name);
  return initializeApp(
    { ...firebaseApp().options, appId: import.meta.env.PUBLIC_FIREBASE_APP_ID, messagingSenderId: import.meta.env.PUBLIC_FIREBASE_MESSAGING_SENDER_ID },
    name,
  );
}

/**
 * Production: an FCM registration token for the service worker that shows
 * the notifications (site/public/sw.js handles the `push` events), signed
 * with the project's Web Push key (PUBLIC_FCM_VAPID_KEY).
 */
export function fcmRegistrar(serviceWorker: () => Promise<ServiceWorkerRegistration>): PushRegistrar {
  return {
    async token() {
      await askPermission();
      const { getMessaging, getToken, isSupported } = await import("firebase/messaging");
      if (!(await isSupported())) throw new PushPermissionError();
      return getToken(getMessaging(messagingApp()), {
        vapidKey: import.meta.env.PUBLIC_FCM_VAPID_KEY,
        serviceWorkerRegistration: await serviceWorker(),
      });
    },
  };
}

/** Where the emulator registrar keeps this browser's fake token. */
export const EMULATOR_TOKEN_KEY = "solocoach.pushToken.emulator";

/**
 * Emulators: asks for permission like production, then returns the same
 * `web-emulator-<uuid>` token every time on this browser (the functions'
 * log transport writes messages for it to devPushLog instead of sending).
 */
export function emulatorRegistrar(storage: Storage = localStorage): PushRegistrar {
  return {
    async token() {
      await askPermission();
      const known = storage.getItem(EMULATOR_TOKEN_KEY);
      if (known) return known;
      const token = `web-emulator-${crypto.randomUUID()}`;
      storage.setItem(EMULATOR_TOKEN_KEY, token);
      return token;
    },
  };
}

/**
 * The registrar the build asks for: PUBLIC_PUSH_REGISTRAR "emulator" or
 * "fcm"; unset, a build against the emulators (PUBLIC_AUTH_EMULATOR_ORIGIN)
 * uses the emulator one, since FCM cannot deliver to a demo project anyway.
 */
export function pushRegistrar(serviceWorker: () => Promise<ServiceWorkerRegistration>): PushRegistrar {
  const chosen = import.meta.env.PUBLIC_PUSH_REGISTRAR ?? (import.meta.env.PUBLIC_AUTH_EMULATOR_ORIGIN ? "emulator" : "fcm");
  return chosen === "emulator" ? emulatorRegistrar() : fcmRegistrar(serviceWorker);
}
