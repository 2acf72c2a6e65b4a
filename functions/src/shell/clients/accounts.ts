import { adminAuth } from "../firebase.js";

/** The Auth account of a client named by email: found, or created so they can sign in by email link. */
export async function clientUidByEmail(email: string, name: string): Promise<string> {
  const auth = await adminAuth();
  try {
    return (await auth.getUserByEmail(email)).uid;
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error && error.code === "auth/user-not-found") {
      return (await auth.createUser({ email, displayName: name })).uid;
    }
    throw error;
  }
}
