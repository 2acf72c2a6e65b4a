import { paymentCalls } from "../api/payments.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { recordManual } from "../shell/money/manual.js";

/** The coach records a refund; a pack refunded in full loses its remaining units (ledger entry). */
export const recordRefund = onSignedInCall(paymentCalls.recordRefund, recordManual("refund"));
