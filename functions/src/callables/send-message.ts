import { SendMessageResult, clientCalls } from "../api/clients.js";
import { DomainError } from "../domain/errors.js";
import { decideMessage, messageParty, preview, threadAfter } from "../domain/messages.js";
import { Result, fail, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { notifyCoach } from "../shell/notify/outbox.js";
import { writeMails } from "../shell/mail/outbox.js";
import { clientsCol, coachRef, messagesCol, threadsCol } from "../shell/firestore/refs.js";

/**
 * A message between the coach and one client, in their thread
 * (coaches/{c}/threads/{clientUid}/messages/{requestId}); both read it live
 * through the rules; the thread counts what each side has not read yet
 * (markThreadRead). Only people the coach has as clients can write; a
 * client's message also tells the coach (push outbox), a coach's message the
 * client (mail outbox), in the same transaction.
 * The requestId is the message id: a retry writes nothing twice.
 */
export const sendMessage = onSignedInCall(clientCalls.sendMessage, (input, { uid, now }) =>
  db().runTransaction(async (tx): Promise<Result<SendMessageResult, DomainError>> => {
    const coach = (await tx.get(coachRef(input.coachId))).data();
    if (!coach) return fail({ code: "COACH_NOT_FOUND" });
    const party = messageParty(coach, uid, input.clientUid);
    if (!party.ok) return party;
    const { from, clientUid } = party.value;
    const messageRef = messagesCol(input.coachId, clientUid).doc(input.requestId);
    const threadRef = threadsCol(input.coachId).doc(clientUid);
    const [client, existing, thread] = await Promise.all([tx.get(clientsCol(input.coachId).doc(clientUid)), tx.get(messageRef), tx.get(threadRef)]);
    if (!client.exists) return fail({ code: from === "coach" ? "CLIENT_NOT_FOUND" : "NOT_A_CLIENT" });

    const decision = decideMessage({ existing: existing.data(), from, senderUid: uid, text: input.text, now });
    if (!decision.ok) return decision;
    const { message, created } = decision.value;
    if (created) {
      tx.create(messageRef, message);
      tx.set(threadRef, threadAfter(thread.data(), clientUid, message));
      // The client is told by e-mail that a message waits (never the thread itself: it stays behind their sign-in).
      if (from === "coach")
        writeMails(tx, input.coachId, [{ id: `message-${clientUid}-${input.requestId}`, kind: "coach_message", notBefore: now, clientUid, about: {} }], now);
      if (from === "client")
        notifyCoach(
          tx,
          input.coachId,
          coach,
          `message-${clientUid}-${input.requestId}`,
          "message_received",
          { clientUid, sentence: preview(message.text) },
          now,
        );
    }
    return ok({ messageId: input.requestId, clientUid, from: message.from, at: iso(message.at) });
  }),
);
