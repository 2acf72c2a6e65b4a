import type { Response } from "express";
import { HttpsError, type Request } from "firebase-functions/v2/https";
import * as logger from "firebase-functions/logger";
import * as z from "zod";
import { DomainError } from "../../domain/errors.js";

// Reasons the shell itself raises, beside the domain's: AUTH_REQUIRED,
// INVALID_INPUT, CONTENDED and INTERNAL.

/** gRPC ABORTED: Firestore gave up on a transaction after its retries. */
const GRPC_ABORTED = 10;
/** gRPC INVALID_ARGUMENT. */
const GRPC_INVALID_ARGUMENT = 3;

/** A transaction the database ended under contention: ABORTED after the retries, or closed while it waited for a lock (the emulator's lock timeout answers INVALID_ARGUMENT, which the SDK does not retry). */
function endedUnderContention(cause: object): boolean {
  if (!("code" in cause)) return false;
  if (cause.code === GRPC_ABORTED) return true;
  return cause.code === GRPC_INVALID_ARGUMENT && "details" in cause && cause.details === "Transaction is invalid or closed.";
}

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
      return new HttpsError("already-exists", "This request id was used for another request.", details);
    case "NOT_ALLOWED":
      return new HttpsError("permission-denied", "Only the coach may do this.", details);
    case "CLIENT_NOT_FOUND":
      return new HttpsError("not-found", "This client does not exist.", details);
    case "TEMPLATE_NOT_FOUND":
      return new HttpsError("not-found", "This pack template does not exist.", details);
    case "PACK_NOT_FOUND":
      return new HttpsError("not-found", "This pack does not exist.", details);
    case "PACK_NOT_ACTIVE":
      return new HttpsError("failed-precondition", "This pack is expired or refunded.", details);
    case "PACK_NOT_TRANSFERABLE":
      return new HttpsError("failed-precondition", "Units of this pack cannot be transferred.", details);
    case "TRANSFER_TO_SAME_CLIENT":
      return new HttpsError("invalid-argument", "Units can only be transferred to another client.", details);
    case "BOOKING_NOT_FOUND":
      return new HttpsError("not-found", "This booking does not exist.", details);
    case "BOOKING_NOT_CANCELLABLE":
      return new HttpsError("failed-precondition", "This booking can no longer be changed.", details);
    case "BOOKING_ALREADY_STARTED":
      return new HttpsError("failed-precondition", "This session has already started.", details);
    case "BOOKING_NOT_STARTED":
      return new HttpsError("failed-precondition", "This session has not started yet.", details);
    case "WAIVER_NOT_APPLICABLE":
      return new HttpsError("failed-precondition", "There is no late cancellation or no-show to waive.", details);
    case "PACK_EXPIRES_BEFORE_SESSION":
      return new HttpsError("failed-precondition", "The pack that paid for this session expires before the new time.", details);
    case "RESCHEDULE_TOO_LATE":
      return new HttpsError("failed-precondition", "It is too late to move this session; please ask your coach.", details);
    case "LOCATION_NOT_FOUND":
      return new HttpsError("not-found", "This location does not exist.", details);
    case "CURRENCY_MISMATCH":
      return new HttpsError("invalid-argument", "The amount is in another currency than the amount due.", details);
    case "PAYMENT_EXCEEDS_DUE":
      return new HttpsError("failed-precondition", "This is more than is still open.", details);
    case "REFUND_EXCEEDS_PAID":
      return new HttpsError("failed-precondition", "This is more than was paid and not yet refunded.", details);
    case "PAYMENT_TARGET_NOT_FOUND":
      return new HttpsError("not-found", "There is no such pack or singly paid booking.", details);
    case "OUTCOME_CHANGED":
      return new HttpsError("failed-precondition", "The outcome of cancelling has changed since the preview; please look again.", details);
    case "WAIVER_REASON_UNKNOWN":
      return new HttpsError("invalid-argument", "This waiver reason is not in the cancellation policy.", details);
    case "BOOKING_NOT_COMPLETED":
      return new HttpsError("failed-precondition", "This session has not been marked completed.", details);
    case "REVIEW_NOT_FOUND":
      return new HttpsError("not-found", "There is no review for this session.", details);
    case "REVIEW_NOT_SUBMITTED":
      return new HttpsError("failed-precondition", "The client has not written this review yet.", details);
    case "REVIEW_CONSENT_MISSING":
      return new HttpsError("failed-precondition", "The client did not agree to publish this review.", details);
    case "NOT_A_CLIENT":
      return new HttpsError("permission-denied", "You can write to a coach once you have booked with them.", details);
    case "CLIENT_HAS_OPEN_BUSINESS":
      return new HttpsError("failed-precondition", "Settle upcoming sessions, open amounts and unused units before deleting this client.", details);
    case "SLUG_TAKEN":
      return new HttpsError("already-exists", "This address is taken; please choose another.", details);
    case "SLUG_RESERVED":
      return new HttpsError("invalid-argument", "This address is reserved; please choose another.", details);
    case "ALREADY_A_COACH":
      return new HttpsError("already-exists", "This account already has a booking page.", details);
    case "LOCATION_IN_USE":
      return new HttpsError("failed-precondition", "A session type still takes place at this location.", details);
    case "ONLINE_PAYMENT_UNAVAILABLE":
      return new HttpsError("failed-precondition", "This coach does not take online payments right now; pay with a pack or on site.", details);
    case "INVOICING_NOT_SET_UP":
      return new HttpsError("failed-precondition", "Set up invoicing first (Settings → Invoices).", details);
    case "BILLING_ADDRESS_MISSING":
      return new HttpsError("failed-precondition", "An invoice over €250 needs the client's billing address.", details);
    case "DOCUMENT_NOT_FOUND":
      return new HttpsError("not-found", "There is no such invoice, receipt or credit note.", details);
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped domain error ${String(unreachable)}`);
    }
  }
}

/** The payment provider failed or refused: nothing was charged or refunded; the person may try again. */
export function providerUnavailable(message: string): HttpsError {
  return new HttpsError("unavailable", message, { reason: "PAYMENT_PROVIDER_UNAVAILABLE" });
}

/** Bad input: invalid-argument with the zod issue paths, nothing written. */
export function invalidInput(error: z.ZodError): HttpsError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  return new HttpsError("invalid-argument", "The request is invalid.", { reason: "INVALID_INPUT", issues });
}

/** A request refused before its input is parsed (too large, not plain JSON): INVALID_INPUT too. */
export function invalidRequest(message: string): HttpsError {
  return new HttpsError("invalid-argument", "The request is invalid.", { reason: "INVALID_INPUT", issues: [{ path: "", message }] });
}

/** Unauthenticated caller. */
export const authRequired = () => new HttpsError("unauthenticated", "Please sign in first.", { reason: "AUTH_REQUIRED" });

/** Anything unexpected: a generic message out, the cause to the log only. */
export function internalError(cause: unknown): HttpsError {
  if (cause instanceof HttpsError) return cause;
  if (typeof cause === "object" && cause !== null && endedUnderContention(cause)) {
    logger.warn("transaction aborted under contention", cause);
    return new HttpsError("aborted", "Too many changes at once. Please try again.", { reason: "CONTENDED" });
  }
  logger.error("unexpected failure in callable", cause);
  return new HttpsError("internal", "Something went wrong. Please try again.", { reason: "INTERNAL" });
}

/**
 * An HTTP endpoint's handler (webhook, calendar feed) whose unexpected
 * failure answers `500 {"error":"INTERNAL"}` as JSON, the cause to the log
 * only: never an HTML page, a message or a stack trace.
 */
export function guarded(name: string, handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (cause) {
      logger.error(`unexpected failure in ${name}`, cause);
      if (res.headersSent) res.end();
      else res.status(500).json({ error: "INTERNAL" });
    }
  };
}
