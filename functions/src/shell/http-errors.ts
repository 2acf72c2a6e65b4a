import { HttpsError } from "firebase-functions/v2/https";
import { logger } from "firebase-functions/v2";
import { z } from "zod";
import { DomainError } from "../domain/errors.js";

/** Reasons the shell itself raises, beside the domain's. */
export type ShellReason = "AUTH_REQUIRED" | "INVALID_INPUT" | "CONTENDED" | "INTERNAL";

/** gRPC ABORTED: Firestore gave up on a transaction after its retries. */
const GRPC_ABORTED = 10;

/** Maps every domain failure to its HttpsError; the switch is exhaustive. */
export function domainToHttpsError(error: DomainError): HttpsError {
  const { code, ...rest } = error;
  const details = { reason: code, ...rest };
  switch (code) {
    case "COACH_NOT_FOUND":
      return new HttpsError("not-found", "This coach does not exist.", details);
    case "OFFERING_NOT_FOUND":
      return new HttpsError("not-found", "This session type does not exist.", details);
    case "OFFERING_NOT_BOOKABLE_ONLINE":
      return new HttpsError("failed-precondition", "This session type cannot be booked online.", details);
    case "SLOT_NOT_OFFERED":
      return new HttpsError("failed-precondition", "This time is not offered.", details);
    case "SLOT_TAKEN":
      return new HttpsError("already-exists", "This slot has just been taken.", details);
    case "PACK_BALANCE_INSUFFICIENT":
      return new HttpsError("failed-precondition", "No session unit left for this booking.", details);
    case "REQUEST_ID_REUSED":
      return new HttpsError("already-exists", "This request id was used for another booking.", details);
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped domain error ${String(unreachable)}`);
    }
  }
}

/** Bad input: invalid-argument with the zod issue paths, nothing written. */
export function invalidInput(error: z.ZodError): HttpsError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  return new HttpsError("invalid-argument", "The request is invalid.", { reason: "INVALID_INPUT", issues });
}

/** Unauthenticated caller. */
export const authRequired = () => new HttpsError("unauthenticated", "Please sign in first.", { reason: "AUTH_REQUIRED" });

/** Anything unexpected: a generic message out, the cause to the log only. */
export function internalError(cause: unknown): HttpsError {
  if (cause instanceof HttpsError) return cause;
  if (typeof cause === "object" && cause !== null && "code" in cause && cause.code === GRPC_ABORTED) {
    logger.warn("transaction aborted under contention", cause);
    return new HttpsError("aborted", "Too many changes at once. Please try again.", { reason: "CONTENDED" });
  }
  logger.error("unexpected failure in callable", cause);
  return new HttpsError("internal", "Something went wrong. Please try again.", { reason: "INTERNAL" });
}
