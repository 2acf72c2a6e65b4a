/**
 * Expected business failures, closed union with stable codes. The shell maps
 * each one to an HttpsError (see shell/http-errors.ts); the site maps the code
 * to user text.
 */
export type DomainError =
  | { code: "COACH_NOT_FOUND" }
  | { code: "OFFERING_NOT_FOUND" }
  | { code: "OFFERING_NOT_BOOKABLE_ONLINE" }
  | { code: "SLOT_NOT_OFFERED"; start: string }
  | { code: "SLOT_TAKEN"; start: string }
  | { code: "PACK_BALANCE_INSUFFICIENT" }
  | { code: "REQUEST_ID_REUSED" };

/** The stable reason codes, as a type. */
export type DomainErrorCode = DomainError["code"];
