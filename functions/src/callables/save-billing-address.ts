import { SavedResult } from "../api/common.js";
import { invoiceCalls } from "../api/invoices.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { clientsCol } from "../shell/firestore/refs.js";

/** Sets the address a client's invoices name (coach only); documents already issued keep the address they were issued with. */
export const saveBillingAddress = onSignedInCall(invoiceCalls.saveBillingAddress, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    const ref = clientsCol(input.coachId).doc(input.clientUid);
    if (!(await tx.get(ref)).exists) return fail({ code: "CLIENT_NOT_FOUND" });
    tx.set(ref, { billingAddress: input.address }, { mergeFields: ["billingAddress"] });
    return ok({ saved: true });
  }),
);
