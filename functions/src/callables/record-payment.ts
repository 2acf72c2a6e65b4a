import { paymentCalls } from "../api/payments.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { recordManual } from "../shell/money/manual.js";

/** The coach records a cash or bank-transfer payment, full or partial, for a pack or a booking. */
export const recordPayment = onSignedInCall(paymentCalls.recordPayment, recordManual("payment"));
