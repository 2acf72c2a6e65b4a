// Sign-in, loaded only when the client chooses to book (keeps the page light).
import { initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword, type Auth, type User } from "firebase/auth";

let auth: Auth | undefined;

/** The Auth instance, pointed at the emulator when the build says so. */
function clientAuth(): Auth {
  if (auth) return auth;
  const app = initializeApp({
    apiKey: import.meta.env.PUBLIC_FIREBASE_API_KEY,
    projectId: import.meta.env.PUBLIC_FIREBASE_PROJECT_ID,
    authDomain: `${import.meta.env.PUBLIC_FIREBASE_PROJECT_ID}.firebaseapp.com`,
  });
  auth = getAuth(app);
  const emulator = import.meta.env.PUBLIC_AUTH_EMULATOR_ORIGIN;
  if (emulator) connectAuthEmulator(auth, emulator, { disableWarnings: true });
  return auth;
}

/** Signs in with email and password; resolves to the user. */
export async function signIn(email: string, password: string): Promise<User> {
  const credential = await signInWithEmailAndPassword(clientAuth(), email, password);
  return credential.user;
}

/** The user of an earlier visit, if still signed in. */
export async function currentUser(): Promise<User | null> {
  const instance = clientAuth();
  await instance.authStateReady();
  return instance.currentUser;
}
