import { invoiceCalls } from "../api/invoices.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { saveClientFields } from "../shell/clients/record.js";

/** Sets the address a client's invoices name (coach only); documents already issued keep the address they were issued with. */
export const saveBillingAddress = onSignedInCall(invoiceCalls.saveBillingAddress, (input, { uid }) =>
  saveClientFields(input.coachId, input.clientUid, uid, { billingAddress: input.address }),
);
