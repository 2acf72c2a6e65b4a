import { clientCalls } from "../api/clients.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { saveClientFields } from "../shell/clients/record.js";

/** Replaces the coach's private notes on a client; nothing else of the record changes. */
export const saveClientNotes = onSignedInCall(clientCalls.saveClientNotes, (input, { uid }) =>
  saveClientFields(input.coachId, input.clientUid, uid, { notes: input.notes }),
);
