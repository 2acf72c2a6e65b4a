import { invoiceCalls } from "../api/invoices.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { updateOwnCoach } from "../shell/coach/settings.js";

/** Sets how the coach invoices; documents issued from now on follow it, those already issued stay as they are. */
export const setInvoiceSettings = onSignedInCall(invoiceCalls.setInvoiceSettings, (input, { uid }) =>
  updateOwnCoach(input.coachId, uid, () => ({ invoicing: input.settings })),
);
