import { DateTime } from "luxon";
import { CallableOptions, CallableRequest, onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { DomainError } from "../domain/errors.js";
import { Result } from "../domain/result.js";
import { authRequired, domainToHttpsError, internalError, invalidInput } from "./http-errors.js";
import "./firebase.js";

/** What a handler knows about the call: the clock, read once at the boundary. */
export interface CallContext {
  now: DateTime;
}

/** A signed-in caller. */
export interface ClientContext extends CallContext {
  uid: string;
  email: string | undefined;
}

type Handler<S extends z.ZodType, C, R> = (input: z.output<S>, ctx: C) => Promise<Result<R, DomainError>>;

/**
 * Every callable reads the same way: authenticate → parse → handle (load,
 * decide, commit) → map the result or the failure to an HttpsError.
 */
function run<S extends z.ZodType, C, R>(schema: S, request: CallableRequest, ctx: C, handler: Handler<S, C, R>): Promise<R> {
  const parsed = schema.safeParse(request.data);
  if (!parsed.success) throw invalidInput(parsed.error);
  return handler(parsed.data, ctx).then(
    (result) => {
      if (!result.ok) throw domainToHttpsError(result.error);
      return result.value;
    },
    (cause: unknown) => {
      throw internalError(cause);
    },
  );
}

/** A callable anybody may call (e.g. the public slots of a coach page). */
export function onPublicCall<S extends z.ZodType, R>(schema: S, handler: Handler<S, CallContext, R>) {
  return onCall((request) => run(schema, request, { now: DateTime.utc() }, handler));
}

/** A callable for signed-in users; the uid is the only identity trusted. Options carry e.g. the secrets it reads. */
export function onSignedInCall<S extends z.ZodType, R>(schema: S, handler: Handler<S, ClientContext, R>, options: CallableOptions = {}) {
  return onCall(options, (request) => {
    if (!request.auth) throw authRequired();
    const email = typeof request.auth.token.email === "string" ? request.auth.token.email : undefined;
    return run(schema, request, { now: DateTime.utc(), uid: request.auth.uid, email }, handler);
  });
}
