import { MarkThreadReadResult, clientCalls } from "../api/clients.js";
import { DomainError } from "../domain/errors.js";
import { messageParty, threadRead } from "../domain/messages.js";
import { Result, fail, ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { coachRef, threadsCol } from "../shell/firestore/refs.js";

/**
 * The caller has read their thread with the coach (the coach names the
 * client; a client marks their own): nothing is left unread for the
 * caller's side. Writes only when something was unread, so screens may call
 * it whenever they show the thread.
 */
export const markThreadRead = onSignedInCall(clientCalls.markThreadRead, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<MarkThreadReadResult, DomainError>> => {
    const coach = (await tx.get(coachRef(input.coachId))).data();
    if (!coach) return fail({ code: "COACH_NOT_FOUND" });
    const party = messageParty(coach, uid, input.clientUid);
    if (!party.ok) return party;
    const { from: reader, clientUid } = party.value;
    const threadRef = threadsCol(input.coachId).doc(clientUid);
    const read = threadRead((await tx.get(threadRef)).data(), reader);
    if (read) tx.set(threadRef, read);
    return ok({ clientUid, unread: 0 });
  }),
);
