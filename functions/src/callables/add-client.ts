import { AddClientResult, clientCalls } from "../api/clients.js";
import { namedRecord, statsAt } from "../domain/clients.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { statsView } from "../shell/calls/client-views.js";
import { clientUidByEmail } from "../shell/clients/accounts.js";
import { db } from "../shell/firebase.js";
import { clientsCol } from "../shell/firestore/refs.js";

/**
 * Adds a client who rang or wrote (coach), to book for them at once. With an
 * e-mail the client has an account (found or created; they can sign in and
 * get mails); without one, a record the coach keeps (`offline-{requestId}`,
 * so a retried call adds nobody twice). A client already on the coach's list
 * keeps their name, and gets a phone number if they had none.
 */
export const addClient = onSignedInCall(clientCalls.addClient, async (input, { uid, now }) => {
  const owner = await readOwnCoach(input.coachId, uid);
  if (!owner.ok) return owner;
  const clientUid = input.email ? await clientUidByEmail(input.email, input.name) : `offline-${input.requestId}`;
  const ref = clientsCol(input.coachId).doc(clientUid);
  return db().runTransaction(async (tx): Promise<Result<AddClientResult, DomainError>> => {
    const existing = (await tx.get(ref)).data();
    const record = {
      ...(existing?.name ? { name: existing.name, sortKey: existing.sortKey } : namedRecord(input.name)),
      email: existing?.email || input.email,
      phone: existing?.phone || input.phone,
      notes: existing?.notes ?? "",
    };
    tx.set(ref, record, { merge: true });
    return ok({
      client: { uid: clientUid, name: record.name, email: record.email, phone: record.phone, stats: statsView(statsAt(existing?.stats ?? null, now)) },
    });
  });
});
