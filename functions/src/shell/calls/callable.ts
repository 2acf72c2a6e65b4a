import { DateTime } from "luxon";
import { CallableOptions, CallableRequest, onCall } from "firebase-functions/v2/https";
import * as z from "zod";
import type { Call } from "../../api/contract.js";
import { DomainError } from "../../domain/errors.js";
import { Result } from "../../domain/result.js";
import { authRequired, domainToHttpsError, internalError, invalidInput, invalidRequest } from "./http-errors.js";

/** What a handler knows about the call: the clock, read once at the boundary. */
export interface CallContext {
  now: DateTime;
}

/** A signed-in caller. */
export interface ClientContext extends CallContext {
  uid: string;
  email: string | undefined;
}

/** Decides one call: the parsed input in, the contract's result or a domain error out. */
type Handler<I extends z.ZodType, C, R extends z.ZodType> = (input: z.output<I>, ctx: C) => Promise<Result<z.output<R>, DomainError>>;

/**
 * The largest request body a callable reads. The largest valid input
 * (setAvailability with 400 date overrides of 8 intervals each) stays below it;
 * Cloud Functions itself would accept 10 MB.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Whether the decoded JSON is plain: objects with Object.prototype, arrays,
 * primitives. firebase-functions decodes `data` by assigning keys, so a
 * `"__proto__"` key in the JSON becomes the prototype of the decoded object,
 * and its fields would look like the input's own.
 */
function plainJson(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (Array.isArray(value)) return value.every(plainJson);
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(plainJson);
}

/**
 * Every callable reads the same way: authenticate → check the body's size and
 * shape → parse → handle (load, decide, commit) → map the result or the
 * failure to an HttpsError. Nothing is read or written before the input parsed.
 */
function run<I extends z.ZodType, C, R extends z.ZodType>(
  contract: Call<I, R>,
  request: CallableRequest,
  ctx: C,
  handler: Handler<I, C, R>,
): Promise<z.output<R>> {
  if ((request.rawRequest.rawBody?.length ?? 0) > MAX_BODY_BYTES) throw invalidRequest(`the request body is larger than ${MAX_BODY_BYTES / 1024} KB`);
  if (!plainJson(request.data)) throw invalidRequest("a key named __proto__ is not allowed");
  const parsed = contract.input.safeParse(request.data);
  if (!parsed.success) throw invalidInput(parsed.error);
  // Through a promise, so a handler that throws synchronously is answered INTERNAL with its reason too.
  return Promise.resolve(parsed.data)
    .then((input) => handler(input, ctx))
    .then(
      (result) => {
        if (!result.ok) throw domainToHttpsError(result.error);
        return result.value;
      },
      (cause: unknown) => {
        throw internalError(cause);
      },
    );
}

/**
 * Options of the callables whose transaction claims calendar cells (up to 10
 * attempts under contention, see CLAIM_TRANSACTION): a timeout above the
 * slowest warm answer measured with 50 racing clients (70 s on the 2-core
 * emulator, npm run bench), so every caller gets an answer with a reason
 * instead of a dropped connection.
 */
export const CLAIMING_CALL: CallableOptions = { timeoutSeconds: 120 };

/**
 * Options of the public reads every visitor of every coach page makes (the
 * slots): many more instances than the coach's own callables (index.ts caps
 * those at 10), and a short timeout, since a visitor waits for the answer.
 */
export const PUBLIC_CALL: CallableOptions = { maxInstances: 200, timeoutSeconds: 15 };

/** A callable anybody may call (e.g. the public slots of a coach page). */
export function onPublicCall<I extends z.ZodType, R extends z.ZodType>(contract: Call<I, R>, handler: Handler<I, CallContext, R>) {
  return onCall(PUBLIC_CALL, (request) => run(contract, request, { now: DateTime.utc() }, handler));
}

/** A callable for signed-in users; the uid is the only identity trusted. Options carry e.g. the secrets it reads. */
export function onSignedInCall<I extends z.ZodType, R extends z.ZodType>(
  contract: Call<I, R>,
  handler: Handler<I, ClientContext, R>,
  options: CallableOptions = {},
) {
  return onCall(options, (request) => {
    if (!request.auth) throw authRequired();
    const email = typeof request.auth.token.email === "string" ? request.auth.token.email : undefined;
    return run(contract, request, { now: DateTime.utc(), uid: request.auth.uid, email }, handler);
  });
}
