// A callable's ID token check as it runs in production. The Functions emulator
// tells every function to skip it (and just decode the token), so here a built
// callable is served in a process of its own (tests/support/function-server.mjs)
// where firebase-admin verifies each token against the Auth emulator: that is
// the code the build loads on a request's first token (functions/build.mjs).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallableError, callFunction } from "../../site/src/client/callable.js";
import { DEMO, freshDemoSignedIn } from "../support/emulators.js";

const coachId = DEMO.coachId;
let server: ChildProcess;
let origin: string;
/** What the served function logged (firebase-functions logs a token it could not verify). */
let logged = "";
let lena: string;
let emma: string;

beforeAll(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
  const { FIREBASE_DEBUG_FEATURES: _skipped, ...env } = process.env;
  server = spawn(process.execPath, ["tests/support/function-server.mjs"], {
    env: { ...env, FUNCTION_TARGET: "listClients", FUNCTIONS_CONTROL_API: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stderr!.on("data", (chunk: Buffer) => (logged += chunk.toString()));
  const [port] = (await once(server.stdout!, "data")) as [Buffer];
  origin = `http://127.0.0.1:${port.toString().trim()}`;
});

afterAll(() => {
  server.kill();
});

/** The code of a call that must fail. */
async function refusal(idToken: string): Promise<string> {
  try {
    await callFunction(origin, "listClients", { coachId }, idToken);
  } catch (error) {
    if (error instanceof CallableError) return error.code;
    throw error;
  }
  throw new Error("the call was expected to fail");
}

/** `token` with its payload's claims changed (the Auth emulator's tokens carry no signature to break). */
function withClaims(token: string, claims: Record<string, unknown>): string {
  const [header, payload] = token.split(".");
  const changed = { ...JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString("base64url")}.`;
}

describe("a callable verifies the caller's ID token with firebase-admin", () => {
  it("answers the coach, whom her token names", async () => {
    const { clients } = await callFunction(origin, "listClients", { coachId }, emma);
    expect(clients.map((client) => client.email)).toContain(DEMO.client.email);
  });

  it("takes the caller from the token: the client's token is refused the coach's list", async () => {
    expect(await refusal(lena)).toBe("permission-denied");
  });

  it("refuses a malformed token, a token for another project and an expired token as unauthenticated", async () => {
    expect(await refusal("not-a-token")).toBe("unauthenticated");
    expect(await refusal(withClaims(emma, { aud: "demo-another-project", iss: "https://securetoken.google.com/demo-another-project" }))).toBe(
      "unauthenticated",
    );
    expect(await refusal(withClaims(emma, { exp: Math.floor(Date.now() / 1000) - 60 }))).toBe("unauthenticated");
    expect(logged).toContain("auth/id-token-expired");
  });

  it("checks an App Check token with firebase-admin too; not enforced, an invalid one is logged and the call answered", async () => {
    const response = await fetch(`${origin}/listClients`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${emma}`, "x-firebase-appcheck": "not-a-token" },
      body: JSON.stringify({ data: { coachId } }),
    });
    expect(response.status).toBe(200);
    expect(logged).toMatch(/AppCheck token[\s\S]*app-check\//);
  });
});
