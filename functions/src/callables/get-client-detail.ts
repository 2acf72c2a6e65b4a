import { ClientDetailResult, clientCalls } from "../api/clients.js";
import { clientTimeline, statsAt } from "../domain/clients.js";
import { fail, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { statsView, timelineView } from "../shell/calls/client-views.js";
import { bookingsCol, clientRecordRef, ledgerCol, offeringsCol, packsCol, paymentsCol } from "../shell/firestore/refs.js";

/**
 * One client for their coach: contact and private notes, the figures, and a
 * single timeline of sessions, payments and ledger entries, newest first.
 */
export const getClientDetail = onSignedInCall(clientCalls.getClientDetail, async (input, { uid, now }) => {
  const coach = await readOwnCoach(input.coachId, uid);
  if (!coach.ok) return coach;
  const record = (await clientRecordRef(input.coachId, input.clientUid).get()).data();
  if (!record) return fail({ code: "CLIENT_NOT_FOUND" as const });
  const [bookings, payments, packs, offerings] = await Promise.all([
    bookingsCol(input.coachId).where("clientUid", "==", input.clientUid).get(),
    paymentsCol(input.coachId).where("clientUid", "==", input.clientUid).get(),
    packsCol(input.coachId).where("clientUid", "==", input.clientUid).get(),
    offeringsCol(input.coachId).get(),
  ]);
  const ledger = await Promise.all(
    packs.docs.map(async (pack) => ({
      packId: pack.id,
      packName: pack.data().name,
      entries: (await ledgerCol(input.coachId, pack.id).get()).docs.map((doc) => ({ id: doc.id, data: doc.data() })),
    })),
  );
  const timeline = clientTimeline({
    bookings: bookings.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
    payments: payments.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
    ledger,
  });
  const offeringOf = new Map(offerings.docs.map((doc) => [doc.id, doc.data()]));
  const result: ClientDetailResult = {
    client: {
      uid: input.clientUid,
      name: record.name,
      email: record.email,
      phone: record.phone,
      notes: record.notes,
      mailProblem: record.mailProblem ? { ...record.mailProblem, at: iso(record.mailProblem.at) } : null,
      remindersOff: record.remindersOff,
    },
    currency: coach.value.currency,
    stats: statsView(statsAt(record.stats, now)),
    timeline: timeline.map((item) => timelineView(item, coach.value, offeringOf)),
  };
  return ok(result);
});
