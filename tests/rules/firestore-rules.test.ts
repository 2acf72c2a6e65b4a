import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { describe, it } from "vitest";
import { CoachSetup, decideNewCoach, FIRST } from "../../functions/src/domain/onboarding.js";
import { toPublicCoach } from "../../functions/src/domain/public-coach.js";
import { ROLES, UIDS, rulesEnvironment, type Role } from "../support/rules.js";
import { NEW_COACH_ANSWERS } from "../support/samples.js";

/** Otto, the other coach: the documents createCoach writes for a sign-up (the same decision; this project has no functions). */
const otto = (() => {
  const decided = decideNewCoach(CoachSetup.parse({ ...NEW_COACH_ANSWERS, name: "Otto Berg", slug: "otto" }), UIDS.otherCoach);
  if (!decided.ok) throw new Error("Otto's sign-up was refused");
  return decided.value;
})();

const { as } = rulesEnvironment(async (setDoc) => {
  await setDoc("coaches/emma-c", { ownerUid: "emma", name: "Emma" });
  await setDoc("coaches/otto-c", otto.coach);
  await setDoc(`coaches/otto-c/offerings/${otto.offering.id}`, otto.offering.data);
  await setDoc("publicCoaches/otto", toPublicCoach({ coachId: "otto-c", coach: otto.coach, offerings: [otto.offering], packTemplates: [], reviews: [] }));
  await setDoc("slugs/otto", { coachId: "otto-c" });
  await setDoc("pageRefreshes/otto", { queuedAt: new Date(0) });
  await setDoc("coachOwners/otto", { coachId: "otto-c", slug: "otto", requestId: "r1" });
  await setDoc("publicCoaches/emma", { name: "Emma" });
  await setDoc("coaches/emma-c/offerings/o1", { title: "Lesson" });
  await setDoc("coaches/emma-c/packTemplates/t1", { name: "10 pack" });
  await setDoc("coaches/emma-c/clients/lena", { name: "Lena", notes: "private" });
  await setDoc("coaches/emma-c/slotClaims/20261123T0900", { bookingId: "b1" });
  await setDoc("coaches/emma-c/busyWeeks/2026-W48", { intervals: {} });
  await setDoc("coaches/emma-c/bookings/b1", { clientUid: "lena" });
  await setDoc("coaches/emma-c/payments/pay1", { clientUid: "lena", amountMinor: 6500 });
  await setDoc("stripeEvents/evt_1", { type: "checkout.session.completed" });
  await setDoc("coaches/emma-c/outbox/booking-b1-new", { kind: "booking_new" });
  await setDoc("coaches/emma-c/mailOutbox/b1-booking_confirmed-1", { kind: "booking_confirmed", clientUid: "lena" });
  await setDoc("coaches/emma-c/devices/d1", { token: "t" });
  await setDoc("coaches/emma-c/jobs/booking-b1", { about: { kind: "booking", id: "b1" }, dueAt: new Date(0) });
  await setDoc("coaches/emma-c/clients/lena/statsEvents/evt-1", { expireAt: new Date(0) });
  await setDoc("coaches/emma-c/calendar/feed", { events: {} });
  await setDoc("devPushLog/m1", { token: "t" });
  await setDoc("stripePayments/pi_1", { coachId: "emma-c" });
  await setDoc("stripeAccounts/acct_1", { coachId: "emma-c" });
  await setDoc("coaches/emma-c/unmatchedMoney/evt_2", { reason: "PAYMENT_UNKNOWN", amountMinor: 6500 });
  await setDoc("coaches/emma-c/packs/p1", { clientUid: "lena", remaining: 10 });
  await setDoc("coaches/emma-c/packs/p1/ledger/e1", { delta: 10 });
  await setDoc("coaches/emma-c/invoices/invoice-pack-p1", { clientUid: "lena", number: "RE-2026-0001" });
  await setDoc("coaches/emma-c/invoiceCounters/stem:RE-2026-", { last: 1 });
});

/** Who may read each document; everybody else must be denied. */
const readers: Record<string, Role[]> = {
  "publicCoaches/emma": ["anonymous", "client", "otherClient", "coach", "otherCoach"],
  "coaches/emma-c": ["coach"],
  "coaches/emma-c/offerings/o1": ["coach"],
  "coaches/emma-c/packTemplates/t1": ["coach"],
  "coaches/emma-c/clients/lena": ["coach"],
  "coaches/emma-c/slotClaims/20261123T0900": ["coach"],
  "coaches/emma-c/busyWeeks/2026-W48": ["coach"],
  "coaches/emma-c/bookings/b1": ["client", "coach"],
  "coaches/emma-c/payments/pay1": ["client", "coach"],
  "stripeEvents/evt_1": [],
  "coaches/emma-c/outbox/booking-b1-new": ["coach"],
  // Client e-mail waiting or sent: the functions' bookkeeping, read by nobody (the coach sees a bounce on the client's record).
  "coaches/emma-c/mailOutbox/b1-booking_confirmed-1": [],
  "coaches/emma-c/devices/d1": ["coach"],
  // Due-time jobs: the scheduler's bookkeeping, read by nobody.
  "coaches/emma-c/jobs/booking-b1": [],
  // The stats triggers' markers of counted changes, and the calendar feed's read model (served by calendarFeed): nobody.
  "coaches/emma-c/clients/lena/statsEvents/evt-1": [],
  "coaches/emma-c/calendar/feed": [],
  "devPushLog/m1": [],
  "stripePayments/pi_1": [],
  "stripeAccounts/acct_1": [],
  "coaches/emma-c/unmatchedMoney/evt_2": ["coach"],
  "coaches/emma-c/packs/p1": ["client", "coach"],
  "coaches/emma-c/packs/p1/ledger/e1": ["client", "coach"],
  // Issued invoices, receipts and credit notes: served by callables (listDocuments, getDocumentPdf), never changed by anybody.
  "coaches/emma-c/invoices/invoice-pack-p1": [],
  "coaches/emma-c/invoiceCounters/stem:RE-2026-": [],
  "coaches/emma-c/unknown/x": [],
  // The other coach's own documents: his alone (and his public page, everybody's).
  "coaches/otto-c": ["otherCoach"],
  [`coaches/otto-c/offerings/${FIRST.offeringId}`]: ["otherCoach"],
  "publicCoaches/otto": ["anonymous", "client", "otherClient", "coach", "otherCoach"],
  "slugs/otto": [],
  "coachOwners/otto": [],
  "pageRefreshes/otto": [],
};

describe("reads", () => {
  for (const [path, allowed] of Object.entries(readers)) {
    for (const role of ROLES) {
      const may = allowed.includes(role);
      it(`${role} ${may ? "may" : "may not"} read ${path}`, async () => {
        await (may ? assertSucceeds : assertFails)(as(role).doc(path).get());
      });
    }
  }
});

describe("writes", () => {
  for (const path of Object.keys(readers)) {
    for (const role of ROLES) {
      it(`${role} may not write ${path}`, async () => {
        await assertFails(as(role).doc(path).set({ remaining: 99, ownerUid: UIDS.client }));
      });
    }
  }
});
