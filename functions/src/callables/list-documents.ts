import { invoiceCalls } from "../api/invoices.js";
import { ok } from "../domain/result.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { clientDocuments } from "../shell/invoices/documents.js";

/** A client's invoices, receipts and credit notes with a coach, newest first: the coach names the client; a client gets their own. */
export const listDocuments = onSignedInCall(invoiceCalls.listDocuments, async (input, { uid }) => {
  if (input.clientUid === undefined) return ok({ documents: await clientDocuments(input.coachId, uid) });
  const coach = await readOwnCoach(input.coachId, uid);
  if (!coach.ok) return coach;
  return ok({ documents: await clientDocuments(input.coachId, input.clientUid) });
});
