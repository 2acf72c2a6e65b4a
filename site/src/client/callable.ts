// The one way the site (and the tests) call SoloCoach's callable functions:
// the callable protocol over fetch (POST {data} → {result} | {error}), so the
// public page needs no Firebase SDK to list slots.
import type { Api, CallName } from "../../../functions/src/api/index.js";

export type { Api, CallName };

/** A failed call: the HttpsError code and the stable `details.reason`. */
export class CallableError extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly details: Record<string, unknown>,
    message: string,
  ) {
    super(message);
    this.name = "CallableError";
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Turns an HTTP callable response into its result or a CallableError. */
function unwrap(status: number, body: unknown): unknown {
  if (isRecord(body) && "result" in body && status < 300) return body.result;
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const details = isRecord(error.details) ? error.details : {};
  const code = typeof error.status === "string" ? error.status.toLowerCase().replace(/_/g, "-") : "internal";
  const reason = typeof details.reason === "string" ? details.reason : "INTERNAL";
  throw new CallableError(code, reason, details, typeof error.message === "string" ? error.message : `HTTP ${status}`);
}

/** Calls `name` at `origin` (e.g. http://127.0.0.1:5001/demo-solocoach/europe-west1). */
export async function callFunction<N extends CallName>(origin: string, name: N, input: Api[N]["input"], idToken?: string): Promise<Api[N]["result"]> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (idToken) headers.authorization = `Bearer ${idToken}`;
  let response: Response;
  try {
    response = await fetch(`${origin}/${name}`, { method: "POST", headers, body: JSON.stringify({ data: input }) });
  } catch {
    throw new CallableError("unavailable", "NETWORK", {}, "The server could not be reached.");
  }
  const body: unknown = await response.json().catch(() => undefined);
  // The answer's shape is the callable's result in the contract (functions/src/api/), which
  // its handler is typed by; the tests' client parses every answer with it (tests/support/emulators.ts).
  return unwrap(response.status, body) as Api[N]["result"];
}
