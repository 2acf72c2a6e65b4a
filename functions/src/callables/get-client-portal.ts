import { PortalCoach, portalCalls } from "../api/portal.js";
import { clientPortal, portalCoach, shownInPortal } from "../domain/portal.js";
import { ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { bookingsGroup, coachRef, ledgerCol, offeringsCol, packsGroup, paymentsGroup } from "../shell/firestore/refs.js";
import { ledgerView, packView, paymentView } from "../shell/calls/views.js";

const coachOf = (path: string) => path.split("/")[1] ?? "";

/**
 * The client portal: the signed-in client's bookings, packs with their
 * ledgers, and payments with every coach, found by collection-group queries
 * on their uid (indexed in firestore.indexes.json). Only their own data; what
 * each coach's entry shows is the domain's portalCoach.
 */
export const getClientPortal = onSignedInCall(portalCalls.getClientPortal, async (_input, { uid, now }) => {
  const [bookings, packs, payments] = await Promise.all([
    bookingsGroup().where("clientUid", "==", uid).get(),
    packsGroup().where("clientUid", "==", uid).get(),
    paymentsGroup().where("clientUid", "==", uid).get(),
  ]);
  const coachIds = [...new Set([...bookings.docs, ...packs.docs, ...payments.docs].map((doc) => coachOf(doc.ref.path)))];
  const coaches = await Promise.all(
    coachIds.map(async (coachId): Promise<PortalCoach | undefined> => {
      const [coachDoc, offerings] = await Promise.all([coachRef(coachId).get(), offeringsCol(coachId).get()]);
      const coach = coachDoc.data();
      if (!coach) return undefined;
      const mine = <T extends { ref: { path: string } }>(docs: T[]) => docs.filter((doc) => coachOf(doc.ref.path) === coachId);
      const withLedgers = await Promise.all(
        // Only the packs it shows: a pending pack's ledger would be read for nothing.
        mine(packs.docs)
          .filter((doc) => shownInPortal(doc.data()))
          .map(async (doc) => {
            const ledger = await ledgerCol(coachId, doc.id).orderBy("at", "desc").get();
            return { pack: doc.data(), view: { ...packView(doc.id, doc.data()), ledger: ledger.docs.map((entry) => ledgerView(entry.id, entry.data())) } };
          }),
      );
      return portalCoach(
        {
          coachId,
          coach,
          offerings: new Map(offerings.docs.map((doc) => [doc.id, doc.data()])),
          bookings: mine(bookings.docs).map((doc) => ({ id: doc.id, booking: doc.data() })),
          packs: withLedgers,
          payments: mine(payments.docs).map((doc) => ({ record: doc.data(), view: paymentView(doc.id, doc.data()) })),
        },
        now,
      );
    }),
  );
  return ok(clientPortal(coaches.filter((coach) => coach !== undefined)));
});
