// The security-rules tests' environment: firestore.rules loaded into the
// emulator under a project of its own (no Cloud Function trigger reacts to
// the documents seeded here), five roles, and a fresh seed before each test.
import { readFileSync } from "node:fs";
import { initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { afterAll, beforeAll, beforeEach } from "vitest";

export type Role = "anonymous" | "client" | "otherClient" | "coach" | "otherCoach";
export const ROLES: Role[] = ["anonymous", "client", "otherClient", "coach", "otherCoach"];
/** Lena is Emma's client, Max another client; Otto another coach. */
export const UIDS: Record<Exclude<Role, "anonymous">, string> = { client: "lena", otherClient: "max", coach: "emma", otherCoach: "otto" };

type SetDoc = (path: string, data: object) => Promise<unknown>;

/**
 * Registers the environment's lifecycle for the calling test file; before
 * each test the database is cleared and `seed` writes with rules disabled.
 * Returns the environment (once started) and a Firestore client per role.
 */
export function rulesEnvironment(seed: (setDoc: SetDoc) => Promise<void>) {
  const [host = "127.0.0.1", port = "8080"] = (process.env.FIRESTORE_EMULATOR_HOST ?? "").split(":");
  let env: RulesTestEnvironment | undefined;
  const started = () => {
    if (!env) throw new Error("the rules environment is not started");
    return env;
  };
  beforeAll(async () => {
    env = await initializeTestEnvironment({
      projectId: "demo-solocoach-rules",
      firestore: { rules: readFileSync("firestore.rules", "utf8"), host, port: Number(port) },
    });
  });
  afterAll(async () => env?.cleanup());
  beforeEach(async () => {
    await started().clearFirestore();
    await started().withSecurityRulesDisabled((context) => seed((path, data) => context.firestore().doc(path).set(data)));
  });
  return {
    env: started,
    as: (role: Role) => (role === "anonymous" ? started().unauthenticatedContext().firestore() : started().authenticatedContext(UIDS[role]).firestore()),
  };
}
