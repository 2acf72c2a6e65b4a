// Which e-mails a change sends its client: one per cause; reminders only for a
// session still confirmed at the time it was planned for; pack mails read from
// the ledger entries of the change; a receipt per payment.
import { describe, expect, it } from "vitest";
import type { BookingResolution } from "../../functions/src/domain/booking.js";
import {
  DEFAULT_CLIENT_REMINDERS,
  MailOutboxEntry,
  expiryNoticeStillDue,
  finished,
  nextInviteSequence,
  mailForMoney,
  mailsForBookingChange,
  mailsForPackChange,
  outboxMail,
  reminderStillDue,
  withClientMails,
} from "../../functions/src/domain/client-mail-plan.js";
import { decideExtension } from "../../functions/src/domain/pack-operations.js";
import { decideSale } from "../../functions/src/domain/pack-sales.js";
import { bookingDebitEntry, post } from "../../functions/src/domain/packs.js";
import { demoPackTemplate } from "../../scripts/demo-data.js";
import { ZONE, booking, cashRecord, utc } from "./fixtures.js";

const now = utc("2026-11-20T10:00:00Z");
const start = utc("2026-11-24T17:00:00Z");
const confirmed = booking(start, "p1", { status: "confirmed", createdAt: now });
const kindsOf = (before: Parameters<typeof mailsForBookingChange>[0]["before"], after: typeof confirmed, reminders = DEFAULT_CLIENT_REMINDERS) =>
  mailsForBookingChange({ bookingId: "b1", before, after, reminders, now }).map((mail) => [mail.kind, mail.notBefore.toISO()]);
const resolution = (by: "client" | "coach"): BookingResolution => ({
  kind: "cancelled",
  by,
  byUid: by === "coach" ? "uid-emma" : "uid-lena",
  at: now,
  outcome: "credited",
  delta: 1,
  sentence: "+1  credited back",
  minutesBefore: 6000,
  waiver: null,
});

describe("the mails of a booking change", () => {
  it("a new confirmed booking: the confirmation now, and a reminder a day before", () => {
    expect(kindsOf(undefined, confirmed)).toEqual([
      ["booking_confirmed", now.toISO()],
      ["reminder", "2026-11-23T17:00:00.000Z"],
    ]);
  });

  it("reminders follow the coach's lead times, only those still ahead, and none when turned off", () => {
    const soon = booking(utc("2026-11-20T20:00:00Z"), "p1", { status: "confirmed", createdAt: now });
    expect(kindsOf(undefined, soon, { enabled: true, leadHours: [24, 2] }).map(([kind, at]) => `${kind} ${at}`)).toEqual([
      `booking_confirmed ${now.toISO()}`,
      "reminder 2026-11-20T18:00:00.000Z",
    ]);
    expect(kindsOf(undefined, confirmed, { enabled: false, leadHours: [24] })).toEqual([["booking_confirmed", now.toISO()]]);
  });

  it("a request: received, then confirmed or declined", () => {
    const requested = { ...confirmed, status: "requested" as const };
    expect(kindsOf(undefined, requested).map(([kind]) => kind)).toEqual(["request_received"]);
    expect(kindsOf(requested, confirmed).map(([kind]) => kind)).toEqual(["booking_confirmed", "reminder"]);
    expect(kindsOf(requested, { ...requested, status: "cancelled", resolution: resolution("coach") }).map(([kind]) => kind)).toEqual(["request_declined"]);
  });

  it("a move sends the updated invite and new reminders; cancellations say who cancelled", () => {
    const moved = { ...confirmed, startsAt: start.plus({ days: 1 }), endsAt: start.plus({ days: 1, hours: 1 }) };
    expect(kindsOf(confirmed, moved).map(([kind]) => kind)).toEqual(["booking_moved", "reminder"]);
    expect(kindsOf(confirmed, { ...confirmed, status: "cancelled", resolution: resolution("client") }).map(([kind]) => kind)).toEqual(["cancelled_by_client"]);
    expect(kindsOf(confirmed, { ...confirmed, status: "cancelled", resolution: resolution("coach") }).map(([kind]) => kind)).toEqual(["cancelled_by_coach"]);
  });

  it("nothing for what the client did not book yet or what changed nothing they see", () => {
    const held = { ...confirmed, status: "held" as const };
    expect(kindsOf(undefined, held)).toEqual([]);
    expect(kindsOf(held, { ...held, status: "cancelled", resolution: resolution("client") })).toEqual([]);
    expect(kindsOf(held, confirmed).map(([kind]) => kind)).toEqual(["booking_confirmed", "reminder"]);
    expect(kindsOf(confirmed, { ...confirmed, status: "completed" })).toEqual([]);
    expect(kindsOf(confirmed, { ...confirmed, note: "bring rackets" })).toEqual([]);
  });

  it("names each mail by its cause: the same change planned twice gives the same ids", () => {
    const once = mailsForBookingChange({ bookingId: "b1", before: undefined, after: confirmed, reminders: DEFAULT_CLIENT_REMINDERS, now });
    const again = mailsForBookingChange({
      bookingId: "b1",
      before: undefined,
      after: confirmed,
      reminders: DEFAULT_CLIENT_REMINDERS,
      now: now.plus({ minutes: 5 }),
    });
    expect(again.map((mail) => mail.id)).toEqual(once.map((mail) => mail.id));
  });
});

describe("reminders when due", () => {
  it("go out only for a session still confirmed at the time they were planned for", () => {
    expect(reminderStillDue(confirmed, start)).toBe(true);
    expect(reminderStillDue({ ...confirmed, status: "cancelled" }, start)).toBe(false);
    expect(reminderStillDue({ ...confirmed, startsAt: start.plus({ hours: 2 }) }, start)).toBe(false);
    expect(reminderStillDue(undefined, start)).toBe(false);
  });
});

describe("the invite's sequence", () => {
  it("grows with every change, from 0 at the booking", () => {
    expect(nextInviteSequence(undefined)).toBe(0);
    expect(nextInviteSequence({ ...confirmed, inviteSequence: 3 })).toBe(4);
    const moved = withClientMails({
      bookingId: "b1",
      before: confirmed,
      after: { ...confirmed, startsAt: start.plus({ days: 1 }) },
      reminders: DEFAULT_CLIENT_REMINDERS,
      now,
    });
    expect(moved.booking.inviteSequence).toBe(1);
    expect(moved.mails.map((mail) => mail.sequence)).toEqual([1, 1]);
    // A change the client is not told of keeps the revision.
    expect(
      withClientMails({ bookingId: "b1", before: moved.booking, after: { ...moved.booking, note: "x" }, reminders: DEFAULT_CLIENT_REMINDERS, now }).booking
        .inviteSequence,
    ).toBe(1);
  });
});

describe("the mails of a pack change", () => {
  const sold = decideSale({
    packId: "p1",
    clientUid: "client-1",
    templateId: "ten",
    template: { ...demoPackTemplate, units: 2 },
    currency: "EUR",
    timeZone: ZONE,
    actor: { uid: "coach-uid", now },
  });
  const actor = { uid: "client-1", now: now.plus({ days: 1 }) };

  it("a sale: the pack bought now, and the expiry notice 14 days before its end", () => {
    expect(mailsForPackChange(sold).map((mail) => [mail.id, mail.kind, mail.notBefore.toISO()])).toEqual([
      ["p1-pack_bought", "pack_bought", now.toISO()],
      [`p1-pack_expiring-${sold.pack.expiresAt.toSeconds()}`, "pack_expiring", sold.pack.expiresAt.minus({ days: 14 }).toISO()],
    ]);
  });

  it("a spent unit that leaves one: pack low, named by the entry; one that leaves none or more: nothing", () => {
    const debit = (bookingId: string) => bookingDebitEntry({ bookingId, start, timeZone: ZONE, actor });
    const low = post("p1", sold.pack, [debit("b1")]);
    if (!low.ok) throw new Error("debit refused");
    expect(mailsForPackChange(low.value).map((mail) => [mail.id, mail.kind])).toEqual([["p1-pack_low-booking-b1-debit", "pack_low"]]);
    const empty = post("p1", low.value.pack, [debit("b2")]);
    if (!empty.ok) throw new Error("debit refused");
    expect(mailsForPackChange(empty.value)).toEqual([]);
  });

  it("an extended end plans a new notice; the old one is no longer due when its time comes", () => {
    const extended = decideExtension({ packId: "p1", pack: sold.pack, days: 30, note: "injury", requestId: "r1", timeZone: ZONE, actor });
    if (!extended.ok) throw new Error("extension refused");
    const [notice] = mailsForPackChange(extended.value);
    expect(notice?.about.expiresAt?.toISO()).toBe(extended.value.pack.expiresAt.toISO());
    expect(expiryNoticeStillDue(extended.value.pack, sold.pack.expiresAt)).toBe(false);
    expect(expiryNoticeStillDue(extended.value.pack, extended.value.pack.expiresAt)).toBe(true);
    expect(expiryNoticeStillDue({ ...sold.pack, remaining: 0 }, sold.pack.expiresAt)).toBe(false);
    expect(expiryNoticeStillDue({ ...sold.pack, status: "expired" }, sold.pack.expiresAt)).toBe(false);
  });
});

describe("receipts", () => {
  it("a payment and a refund each get their receipt, named by the payment", () => {
    const paid = mailForMoney("manual-r1", cashRecord("payment", 6500, { type: "booking", id: "b1" }, now));
    expect(paid).toMatchObject({ id: "payment-manual-r1", kind: "payment_receipt", clientUid: "client-1", about: { paymentId: "manual-r1", bookingId: "b1" } });
    expect(mailForMoney("manual-r2", cashRecord("refund", 6500, { type: "pack", id: "p1" }, now))).toMatchObject({
      kind: "refund_receipt",
      about: { packId: "p1", bookingId: null },
    });
  });
});

describe("a mail done with", () => {
  it("is kept 90 days for support questions, then Firestore's TTL policy deletes it", () => {
    const [mail] = mailsForBookingChange({ bookingId: "b1", before: undefined, after: confirmed, reminders: DEFAULT_CLIENT_REMINDERS, now });
    const sent = finished({ ...outboxMail(mail!, now), status: "sending", claimedAt: now }, "sent", now.plus({ seconds: 2 }), null);
    expect(sent).toMatchObject({ status: "sent", claimedAt: null, note: null });
    expect(sent.sentAt?.toISO()).toBe(now.plus({ seconds: 2 }).toISO());
    expect(sent.expireAt?.toISO()).toBe(now.plus({ days: 90, seconds: 2 }).toISO());
    expect(finished(outboxMail(mail!, now), "dropped", now, "the session was cancelled or moved")).toMatchObject({
      sentAt: null,
      note: "the session was cancelled or moved",
    });
  });
});

describe("the outbox entry", () => {
  it("starts pending, with every fact it does not name empty", () => {
    const [mail] = mailsForBookingChange({ bookingId: "b1", before: undefined, after: confirmed, reminders: DEFAULT_CLIENT_REMINDERS, now });
    expect(MailOutboxEntry.parse(outboxMail(mail!, now))).toMatchObject({
      kind: "booking_confirmed",
      status: "pending",
      attempts: 0,
      about: { bookingId: "b1", packId: null, paymentId: null, leadHours: null },
    });
  });
});
