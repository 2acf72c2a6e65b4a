// Sign-in, loaded only when a client books or opens the portal (keeps the
// coach page light): an email link (no password to remember), or a password
// for accounts that have one (the demo accounts).
import { firebaseApp } from "./app.js";
import {
  browserLocalPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  isSignInWithEmailLink,
  sendSignInLinkToEmail,
  signInWithEmailAndPassword,
  signInWithEmailLink,
  signOut as firebaseSignOut,
  type Auth,
  type User,
} from "firebase/auth";

/** Where the address a link was sent to waits for the link to come back. */
const EMAIL_KEY = "solocoach.signInEmail";

let auth: Auth | undefined;

/** The Auth instance, pointed at the emulator when the build says so. */
function clientAuth(): Auth {
  if (auth) return auth;
  // No popup/redirect resolver: sign-in is by link or password only, so the
  // SDK loads no iframe from the auth domain (and the bundle stays smaller).
  auth = initializeAuth(firebaseApp(), { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
  const emulator = import.meta.env.PUBLIC_AUTH_EMULATOR_ORIGIN;
  if (emulator) connectAuthEmulator(auth, emulator, { disableWarnings: true });
  return auth;
}

/** Signs in with email and password; resolves to the user. */
export async function signIn(email: string, password: string): Promise<User> {
  const credential = await signInWithEmailAndPassword(clientAuth(), email, password);
  return credential.user;
}

/** Emails a sign-in link that comes back to `returnUrl`; remembers the address for the return. */
export async function sendLink(email: string, returnUrl: string): Promise<void> {
  await sendSignInLinkToEmail(clientAuth(), email, { url: returnUrl, handleCodeInApp: true });
  localStorage.setItem(EMAIL_KEY, email);
}

/** The address a link was sent to from this browser, if any. */
export function linkEmail(): string | null {
  return localStorage.getItem(EMAIL_KEY);
}

/**
 * Finishes a sign-in when the page was opened from an emailed link, then
 * removes the link's one-time code from the address bar. Resolves to null
 * when this page is no sign-in link.
 */
export async function completeLink(email: string, href: string): Promise<User | null> {
  const instance = clientAuth();
  if (!isSignInWithEmailLink(instance, href)) return null;
  const credential = await signInWithEmailLink(instance, email, href);
  localStorage.removeItem(EMAIL_KEY);
  return credential.user;
}

/** The user of an earlier visit, if still signed in. */
export async function currentUser(): Promise<User | null> {
  const instance = clientAuth();
  await instance.authStateReady();
  return instance.currentUser;
}

/** Signs out on this device. */
export async function signOut(): Promise<void> {
  await firebaseSignOut(clientAuth());
}
