import { ClientPortalResult, GetClientPortalInput, PortalCoach } from "../domain/api.js";
import { clientAccount } from "../domain/payments.js";
import { owedSummaries } from "../domain/clients.js";
import { portalBooking, splitBookings } from "../domain/portal.js";
import { ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/callable.js";
import { paymentsGroup } from "../shell/payments.js";
import { bookingsGroup, coachRef, ledgerCol, offeringsCol, packsGroup } from "../shell/refs.js";
import { ledgerView, packView, paymentView } from "../shell/views.js";

const coachOf = (path: string) => path.split("/")[1] ?? "";

/**
 * The client portal: the signed-in client's bookings, packs with their
 * ledgers, and payments with every coach, found by collection-group queries
 * on their uid (indexed in firestore.indexes.json). Only their own data.
 */
export const getClientPortal = onSignedInCall(GetClientPortalInput, async (_input, { uid, now }) => {
  const [bookings, packs, payments] = await Promise.all([
    bookingsGroup().where("clientUid", "==", uid).get(),
    packsGroup().where("clientUid", "==", uid).get(),
    paymentsGroup().where("clientUid", "==", uid).get(),
  ]);
  const coachIds = [...new Set([...bookings.docs, ...packs.docs, ...payments.docs].map((doc) => coachOf(doc.ref.path)))];
  const coaches = await Promise.all(
    coachIds.map(async (coachId): Promise<PortalCoach | undefined> => {
      const [coach, offerings] = await Promise.all([coachRef(coachId).get(), offeringsCol(coachId).get()]);
      const data = coach.data();
      if (!data) return undefined;
      const offeringById = new Map(offerings.docs.map((doc) => [doc.id, doc.data()]));
      const mine = <T extends { ref: { path: string } }>(docs: T[]) => docs.filter((doc) => coachOf(doc.ref.path) === coachId);
      const coachBookings = mine(bookings.docs);
      const coachPacks = mine(packs.docs).filter((doc) => doc.data().status !== "pending");
      const records = mine(payments.docs).sort((a, b) => b.data().at.toMillis() - a.data().at.toMillis());
      const withLedgers = await Promise.all(
        coachPacks.map(async (doc) => {
          const ledger = await ledgerCol(coachId, doc.id).orderBy("at", "desc").get();
          return { ...packView(doc.id, doc.data()), ledger: ledger.docs.map((entry) => ledgerView(entry.id, entry.data())) };
        }),
      );
      const views = coachBookings.map((doc) => portalBooking(doc.id, doc.data(), offeringById.get(doc.data().offeringId), data, now));
      const account = clientAccount(
        records.map((doc) => doc.data()),
        owedSummaries(
          coachPacks.map((doc) => doc.data()),
          coachBookings.map((doc) => doc.data()),
        ),
      );
      return {
        coachId,
        name: data.name,
        slug: data.slug,
        timeZone: data.timeZone,
        currency: data.currency,
        locale: data.locale,
        windowHours: data.cancellationPolicy.windowHours,
        ...splitBookings(views, now),
        remaining: withLedgers.filter((p) => p.status === "active").reduce((sum, p) => sum + p.remaining, 0),
        packs: withLedgers.sort((a, b) => b.expiresAt.localeCompare(a.expiresAt)),
        payments: records.map((doc) => paymentView(doc.id, doc.data())),
        paidMinor: account.revenueMinor,
        openMinor: account.openMinor,
      };
    }),
  );
  const result: ClientPortalResult = { coaches: coaches.filter((c) => c !== undefined).sort((a, b) => a.name.localeCompare(b.name)) };
  return ok(result);
});
