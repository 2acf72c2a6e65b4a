import { randomBytes } from "node:crypto";
import { DeleteClientResult, clientCalls } from "../api/clients.js";
import { DomainError } from "../domain/errors.js";
import { ErasureReport, decideErasure, pseudonymFor } from "../domain/privacy.js";
import { Result, fail, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { deleteMessages } from "../shell/clients/erase.js";
import { db } from "../shell/firebase.js";
import { writePublicCoach } from "../shell/coach/public-page.js";
import {
  bookingsCol,
  clientsCol,
  documentsCol,
  erasuresCol,
  ledgerCol,
  messagesCol,
  mailOutboxCol,
  outboxCol,
  packsCol,
  paymentsCol,
  reviewsCol,
  threadsCol,
} from "../shell/firestore/refs.js";

/**
 * Erases a client's personal data at their request (coach only): the client
 * record (name, email, phone, notes, figures), the message thread, their
 * reviews (off the public page too), the coach's notifications about
 * them and the e-mails to them (waiting or sent). Bookkeeping stays for the legal retention period, pseudonymised:
 * bookings, packs, payments and invoices carry a random pseudonym instead
 * of the client's uid (so the person's account no longer reaches them), ledger
 * entries stay as written. Refused with CLIENT_HAS_OPEN_BUSINESS while
 * sessions are upcoming, money is open or units are unused (see
 * domain/privacy.ts). The report is returned and kept in
 * coaches/{c}/erasures/{uid}; calling again returns it.
 */
export const deleteClient = onSignedInCall(clientCalls.deleteClient, async (input, { uid, now }) => {
  const { coachId, clientUid } = input;
  const pseudonym = pseudonymFor(randomBytes(12).toString("hex"));
  const erased = await db().runTransaction(async (tx): Promise<Result<ErasureReport, DomainError>> => {
    const coach = await loadOwnCoach(tx, coachId, uid);
    if (!coach.ok) return coach;
    const recordRef = clientsCol(coachId).doc(clientUid);
    const erasureRef = erasuresCol(coachId).doc(clientUid);
    const [record, erasure] = await Promise.all([tx.get(recordRef), tx.get(erasureRef)]);
    if (!record.exists) {
      const done = erasure.data();
      return done ? ok(done.report) : fail({ code: "CLIENT_NOT_FOUND" });
    }
    const [bookings, payments, documents, packs, reviews, outbox, mails, messages] = await Promise.all([
      tx.get(bookingsCol(coachId).where("clientUid", "==", clientUid)),
      tx.get(paymentsCol(coachId).where("clientUid", "==", clientUid)),
      tx.get(documentsCol(coachId).where("clientUid", "==", clientUid)),
      tx.get(packsCol(coachId).where("clientUid", "==", clientUid)),
      tx.get(reviewsCol(coachId).where("clientUid", "==", clientUid)),
      tx.get(outboxCol(coachId).where("params.clientUid", "==", clientUid)),
      tx.get(mailOutboxCol(coachId).where("clientUid", "==", clientUid)),
      tx.get(messagesCol(coachId, clientUid).count()),
    ]);
    const ledgers = await Promise.all(packs.docs.map((pack) => tx.get(ledgerCol(coachId, pack.id))));

    const plan = decideErasure({
      bookings: bookings.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
      packs: packs.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
      payments: payments.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
      documents: documents.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
      ledger: ledgers.flatMap((ledger) => ledger.docs.map((doc) => doc.data())),
      pseudonym,
      timeZone: coach.value.timeZone,
      now,
    });
    if (!plan.ok) return plan;

    for (const { id, data } of plan.value.bookings) tx.set(bookingsCol(coachId).doc(id), data);
    for (const { id, data } of plan.value.packs) tx.set(packsCol(coachId).doc(id), data);
    for (const { id, data } of plan.value.payments) tx.set(paymentsCol(coachId).doc(id), data);
    // An issued document is never changed: only the field that links it to the account is rewritten.
    for (const { id, data } of plan.value.documents) tx.update(documentsCol(coachId).doc(id), { clientUid: data.clientUid });
    for (const doc of [...reviews.docs, ...outbox.docs, ...mails.docs]) tx.delete(doc.ref);
    tx.delete(threadsCol(coachId).doc(clientUid));
    tx.delete(recordRef);
    const report: ErasureReport = {
      clientUid,
      pseudonym,
      erasedAt: iso(now),
      removed: { clientRecord: true, messages: messages.data().count, reviews: reviews.size, notifications: outbox.size, mails: mails.size },
      kept: plan.value.kept,
      retainUntil: plan.value.retainUntil,
    };
    tx.set(erasureRef, { byUid: uid, report });
    return ok(report);
  });
  if (!erased.ok) return erased;
  // Messages are not bookkeeping: they go after the commit, in batches, and a repeated call finishes what a failed one left.
  await deleteMessages(coachId, clientUid);
  // Always rewritten, so a repeated call also takes off a review a failed rewrite left on the page.
  await writePublicCoach(coachId);
  const result: DeleteClientResult = erased.value;
  return ok(result);
});
