import { paymentCalls } from "../api/payments.js";
import { onSignedInCall } from "../shell/callable.js";
import { recordManual } from "../shell/record-money.js";

/** The coach records a cash or bank-transfer payment, full or partial, for a pack or a booking. */
export const recordPayment = onSignedInCall(paymentCalls.recordPayment, recordManual("payment"));
