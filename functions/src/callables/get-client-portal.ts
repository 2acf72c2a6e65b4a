import { Timestamp } from "firebase-admin/firestore";
import { PortalCoach, portalCalls } from "../api/portal.js";
import { clientPortal, portalCoach, shownInPortal } from "../domain/portal.js";
import { ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { bookingsGroup, clientRecordRef, coachRef, ledgerCol, offeringsCol, packsGroup, paymentsGroup } from "../shell/firestore/refs.js";
import { ledgerView, packView, paymentView } from "../shell/calls/views.js";

const coachOf = (path: string) => path.split("/")[1] ?? "";

/** How much of a long history the portal reads: upcoming sessions, the latest past ones, payments, packs and each pack's ledger. */
const PORTAL_READS = { upcoming: 100, past: 30, payments: 30, packs: 20, ledger: 50 } as const;

/**
 * The client portal: the signed-in client's upcoming sessions, the latest
 * past sessions, packs with their ledgers, and payments with every coach,
 * found by collection-group queries on their uid (indexed in
 * firestore.indexes.json). Only their own data; what each coach's entry
 * shows is the domain's portalCoach. Each read stops at PORTAL_READS, so a
 * visit costs the same after years; when one was cut, what the client paid
 * and owes comes from their stats read model with that coach.
 */
export const getClientPortal = onSignedInCall(portalCalls.getClientPortal, async (_input, { uid, now }) => {
  const at = Timestamp.fromMillis(now.toMillis());
  const [upcoming, past, packs, payments] = await Promise.all([
    bookingsGroup().where("clientUid", "==", uid).where("startsAt", ">=", at).orderBy("startsAt").limit(PORTAL_READS.upcoming).get(),
    bookingsGroup().where("clientUid", "==", uid).where("startsAt", "<", at).orderBy("startsAt", "desc").limit(PORTAL_READS.past).get(),
    packsGroup().where("clientUid", "==", uid).orderBy("purchasedAt", "desc").limit(PORTAL_READS.packs).get(),
    paymentsGroup().where("clientUid", "==", uid).orderBy("at", "desc").limit(PORTAL_READS.payments).get(),
  ]);
  const cut =
    upcoming.size === PORTAL_READS.upcoming || past.size === PORTAL_READS.past || packs.size === PORTAL_READS.packs || payments.size === PORTAL_READS.payments;
  const bookings = [...upcoming.docs, ...past.docs];
  const coachIds = [...new Set([...bookings, ...packs.docs, ...payments.docs].map((doc) => coachOf(doc.ref.path)))];
  const coaches = await Promise.all(
    coachIds.map(async (coachId): Promise<PortalCoach | undefined> => {
      const [coachDoc, offerings, record] = await Promise.all([
        coachRef(coachId).get(),
        offeringsCol(coachId).get(),
        cut ? clientRecordRef(coachId, uid).get() : undefined,
      ]);
      const coach = coachDoc.data();
      if (!coach) return undefined;
      const mine = <T extends { ref: { path: string } }>(docs: T[]) => docs.filter((doc) => coachOf(doc.ref.path) === coachId);
      const withLedgers = await Promise.all(
        // Only the packs it shows: a pending pack's ledger would be read for nothing.
        mine(packs.docs)
          .filter((doc) => shownInPortal(doc.data()))
          .map(async (doc) => {
            const ledger = await ledgerCol(coachId, doc.id).orderBy("at", "desc").limit(PORTAL_READS.ledger).get();
            return { pack: doc.data(), view: { ...packView(doc.id, doc.data()), ledger: ledger.docs.map((entry) => ledgerView(entry.id, entry.data())) } };
          }),
      );
      const stats = record?.data()?.stats;
      return portalCoach(
        {
          coachId,
          coach,
          offerings: new Map(offerings.docs.map((doc) => [doc.id, doc.data()])),
          bookings: mine(bookings).map((doc) => ({ id: doc.id, booking: doc.data() })),
          packs: withLedgers,
          payments: mine(payments.docs).map((doc) => ({ record: doc.data(), view: paymentView(doc.id, doc.data()) })),
          ...(stats ? { totals: { revenueMinor: stats.revenueMinor, openMinor: stats.openMinor } } : {}),
        },
        now,
      );
    }),
  );
  return ok(clientPortal(coaches.filter((coach) => coach !== undefined)));
});
