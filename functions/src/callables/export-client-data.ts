import { ClientExportResult, clientCalls } from "../api/clients.js";
import { toJsonObject } from "../domain/privacy.js";
import { fail, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { bookingsCol, clientRecordRef, documentsCol, ledgerCol, messagesCol, packsCol, paymentsCol, reviewsCol } from "../shell/firestore/refs.js";

/**
 * Everything the coach holds about one client, as JSON, for a request under
 * GDPR Art. 15/20 (coach only; the coach hands it over): the client record
 * with private notes and figures, bookings, packs with their ledgers,
 * payments, invoices and receipts, the message thread and reviews.
 */
export const exportClientData = onSignedInCall(clientCalls.exportClientData, async (input, { uid, now }) => {
  const coach = await readOwnCoach(input.coachId, uid);
  if (!coach.ok) return coach;
  const { coachId, clientUid } = input;
  const record = (await clientRecordRef(coachId, clientUid).get()).data();
  if (!record) return fail({ code: "CLIENT_NOT_FOUND" as const });
  const [bookings, payments, documents, packs, messages, reviews] = await Promise.all([
    bookingsCol(coachId).where("clientUid", "==", clientUid).get(),
    paymentsCol(coachId).where("clientUid", "==", clientUid).get(),
    documentsCol(coachId).where("clientUid", "==", clientUid).get(),
    packsCol(coachId).where("clientUid", "==", clientUid).get(),
    messagesCol(coachId, clientUid).orderBy("at").get(),
    reviewsCol(coachId).where("clientUid", "==", clientUid).get(),
  ]);
  const packsWithLedger = await Promise.all(
    packs.docs.map(async (pack) => {
      const ledger = await ledgerCol(coachId, pack.id).orderBy("at").get();
      return toJsonObject({ id: pack.id, ...pack.data(), ledger: ledger.docs.map((entry) => ({ id: entry.id, ...entry.data() })) });
    }),
  );
  const byId = <T extends object>(docs: { id: string; data: () => T }[]) => docs.map((doc) => toJsonObject({ id: doc.id, ...doc.data() }));
  const result: ClientExportResult = {
    format: "solocoach.client-export.v1",
    exportedAt: iso(now),
    coach: { coachId, name: coach.value.name },
    client: toJsonObject({ uid: clientUid, ...record }),
    bookings: byId(bookings.docs),
    packs: packsWithLedger,
    payments: byId(payments.docs),
    documents: byId(documents.docs),
    messages: byId(messages.docs),
    reviews: byId(reviews.docs),
  };
  return ok(result);
});
