// Client e-mail end to end: a change written with its mail in one
// transaction, the mail sent by the functions (the outbox trigger, or the
// flush for reminders) through the production SMTP adapter to the real local
// inbox, and read back from there: each kind once, in the client's language
// and zone, invites that keep their UID, reminders never sent for a session
// cancelled or moved, the one-click unsubscribe, a bounce shown to the coach.
import ICAL from "ical.js";
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import type { Booking } from "../../functions/src/domain/booking.js";
import { SmtpTransport } from "../../functions/src/gateways/smtp-transport.js";
import { writeBookingChange } from "../../functions/src/shell/booking/commit.js";
import { db } from "../../functions/src/shell/firebase.js";
import { deliverMail, flushDueMail } from "../../functions/src/shell/mail/deliver.js";
import { clientRecordRef, mailOutboxCol, packsCol } from "../../functions/src/shell/firestore/refs.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { DEMO, call, clientWithPack, demoSlots, freshDemo, idTokenFor } from "../support/emulators.js";
import { INBOX_SMTP_URL, kindOf, mailsTo, settledMailsTo, type InboxMail } from "../support/inbox.js";

const coachId = DEMO.coachId;
const transport = new SmtpTransport(INBOX_SMTP_URL);
let emma: string;

beforeEach(async () => {
  await freshDemo();
  emma = await idTokenFor(DEMO.coach.email, DEMO.coach.password);
});

/** A client of Emma's with a pack, under an address no other test uses (the inbox outlives the resets). */
async function newClient(units = 5): Promise<{ uid: string; email: string; token: string }> {
  const uid = `mail-${randomUUID().slice(0, 8)}`;
  const token = await clientWithPack(uid, units);
  return { uid, email: `${uid}@example.com`, token };
}

/** The one VEVENT of a mail's invite, with the calendar's METHOD. */
function invite(mail: InboxMail | undefined): { method: string; uid: string; sequence: number; start: string; status: string } {
  const ics = mail?.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!ics) throw new Error(`no invite in ${mail?.subject}`);
  const calendar = new ICAL.Component(ICAL.parse(ics.content));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return {
    method: String(calendar.getFirstPropertyValue("method")),
    uid: event.uid,
    sequence: event.sequence,
    start: DateTime.fromJSDate(event.startDate.toJSDate()).toUTC().toISO()!,
    status: String(event.component.getFirstPropertyValue("status")),
  };
}

/** The first free demo slot now (after the bookings a test made). */
const freeSlot = async () => (await demoSlots())[0]!;

const byKind = (mails: InboxMail[], kind: string) => mails.filter((mail) => kindOf(mail) === kind);

describe("mails about a booking", () => {
  it("booked, moved and cancelled by the coach: each once, in the client's language and zone, one invite UID with a growing SEQUENCE", async () => {
    const client = await newClient();
    const first = await freeSlot();
    const contact = { name: "Mia", phone: "", language: "de" as const, timeZone: "America/New_York" };
    const booked = await call(
      "bookSlot",
      { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: first, payWith: "pack", contact, note: "" },
      client.token,
    );
    const second = await freeSlot();
    await call("rescheduleBooking", { requestId: randomUUID(), coachId, bookingId: booked.bookingId, newStart: second }, client.token);
    await call("cancelBooking", { coachId, bookingId: booked.bookingId }, emma);

    const mails = await settledMailsTo(coachId, client.email);
    expect(mails.map(kindOf).sort()).toEqual(["booking_confirmed", "booking_moved", "cancelled_by_coach", "pack_bought"]);
    const [confirmed] = byKind(mails, "booking_confirmed");
    const [moved] = byKind(mails, "booking_moved");
    const [cancelled] = byKind(mails, "cancelled_by_coach");

    // German, with the time on the client's clock in New York, from Emma's name, replies to Emma.
    const newYork = (iso: string) => DateTime.fromISO(iso).setZone("America/New_York").setLocale("de-DE").toFormat("ccc, d. LLL, HH:mm");
    expect(confirmed!.subject).toBe(`Gebucht: ${demoOfferingTitle()}, ${newYork(first)}`);
    expect(confirmed!.text).toContain("Hallo Mia,");
    expect(confirmed!.text).toContain(`${DEMO_SITE}/de/portal`);
    expect(confirmed!.from).toEqual([{ name: DEMO.coach.name, address: "bookings@mail.solocoach.app" }]);
    expect(confirmed!.replyTo).toEqual([{ name: DEMO.coach.name, address: DEMO.coach.email }]);
    expect(moved!.subject).toBe(`Verschoben: ${demoOfferingTitle()}, jetzt ${newYork(second)}`);
    expect(cancelled!.subject).toBe(`Abgesagt von ${DEMO.coach.name}: ${demoOfferingTitle()}`);
    expect(cancelled!.text).toContain("Du hast noch 5 Einheiten in deinen Paketen.");
    // A confirmation is never something to unsubscribe from.
    expect(confirmed!.headers["list-unsubscribe"]).toBeUndefined();

    const [a, b, c] = [invite(confirmed), invite(moved), invite(cancelled)];
    expect([a.method, b.method, c.method]).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    expect(new Set([a.uid, b.uid, c.uid])).toEqual(new Set([`booking-${booked.bookingId}@solocoach`]));
    expect(a.sequence).toBeLessThan(b.sequence);
    expect(b.sequence).toBeLessThan(c.sequence);
    expect([a.start, b.start, c.start]).toEqual([first, second, second].map((iso) => DateTime.fromISO(iso).toUTC().toISO()));
    expect(c.status).toBe("CANCELLED");
  });

  it("a retried booking and a delivery run twice send nothing twice", async () => {
    const client = await newClient();
    const input = { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: await freeSlot(), payWith: "pack" as const, note: "" };
    await Promise.all([call("bookSlot", input, client.token), call("bookSlot", input, client.token)]);
    await settledMailsTo(coachId, client.email);
    const confirmation = (await mailOutboxCol(coachId).get()).docs.find((doc) => doc.data().kind === "booking_confirmed");
    // The trigger already sent it; the flush and a second delivery find it sent.
    await Promise.all([deliverMail(coachId, confirmation!.id, DateTime.utc(), transport), flushDueMail(DateTime.utc(), transport)]);
    const mails = await mailsTo(client.email);
    expect(mails.map(kindOf).sort()).toEqual(["booking_confirmed", "pack_bought"]);
  });
});

describe("reminders", () => {
  it("go out at the lead time, only for sessions still booked at that time, and stop after a one-click unsubscribe", async () => {
    const client = await newClient(10);
    const book = (start: string) =>
      call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start, payWith: "pack", note: "" }, client.token);
    const starts = [await freeSlot()];
    const kept = starts[0]!;
    await book(kept);
    starts.push(await freeSlot());
    const b = await book(starts[1]!);
    starts.push(await freeSlot());
    const c = await book(starts[2]!);
    await call("cancelBooking", { coachId, bookingId: b.bookingId }, client.token);
    // The first free slot again: often the one the cancellation freed, before c's first time.
    const movedTo = await freeSlot();
    starts.push(movedTo);
    await call("rescheduleBooking", { requestId: randomUUID(), coachId, bookingId: c.bookingId, newStart: movedTo }, client.token);
    await settledMailsTo(coachId, client.email);
    expect(byKind(await mailsTo(client.email), "reminder")).toEqual([]);

    // A day before the last of these four times (however far apart the free slots lie), every reminder planned for them is due.
    const dayBefore = DateTime.max(...starts.map((iso) => DateTime.fromISO(iso)))!.minus({ hours: 23 });
    await flushDueMail(dayBefore, transport);
    await flushDueMail(dayBefore.plus({ minutes: 5 }), transport);
    const reminders = byKind(await mailsTo(client.email), "reminder");
    expect(reminders.map((mail) => mail.subject).sort()).toEqual([kept, movedTo].map((iso) => `Reminder: ${demoOfferingTitle()}, ${berlin(iso)}`).sort());
    expect(reminders[0]!.text).toContain("starts in 24 hours");
    const dropped = (await mailOutboxCol(coachId).get()).docs.map((doc) => doc.data()).filter((entry) => entry.status === "dropped");
    expect(dropped.map((entry) => [entry.about.bookingId, entry.note]).sort()).toEqual(
      [
        [b.bookingId, "the session was cancelled or moved"],
        [c.bookingId, "the session was cancelled or moved"],
      ].sort(),
    );

    // The reminder's link, as a mail app posts it (RFC 8058): reminders stop, confirmations do not.
    const link = /^<(.+)>$/.exec(reminders[0]!.headers["list-unsubscribe"] ?? "")?.[1];
    expect(reminders[0]!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(link).toMatch(/\/mail\/unsubscribe\?/);
    const page = await fetch(link!);
    expect(await page.text()).toContain('<form method="post">');
    expect((await clientRecordRef(coachId, client.uid).get()).data()?.remindersOff).toBe(false);
    const forged = new URL(link!);
    forged.searchParams.set("u", "someone-else");
    expect((await fetch(forged, { method: "POST" })).status).toBe(404);
    const done = await fetch(link!, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(done.status).toBe(200);
    expect((await clientRecordRef(coachId, client.uid).get()).data()?.remindersOff).toBe(true);

    const later = (await demoSlots()).at(-1)!;
    const last = await book(later);
    await settledMailsTo(coachId, client.email);
    await flushDueMail(DateTime.fromISO(later).minus({ hours: 23 }), transport);
    const afterwards = await mailsTo(client.email);
    expect(byKind(afterwards, "booking_confirmed")).toHaveLength(4);
    expect(byKind(afterwards, "reminder")).toHaveLength(2);
    const skipped = (await mailOutboxCol(coachId).get()).docs
      .map((doc) => doc.data())
      .find((e) => e.kind === "reminder" && e.about.bookingId === last.bookingId);
    expect(skipped).toMatchObject({ status: "dropped", note: "the client unsubscribed from reminders" });
  });
});

describe("failures", () => {
  it("an address that refuses mail for good is recorded and shown to the coach; a passing refusal is retried with backoff", async () => {
    const client = await newClient(0);
    // Greylisted first: refused once for now, then accepted.
    await clientRecordRef(coachId, client.uid).set({
      ...(await clientRecordRef(coachId, client.uid).get()).data()!,
      email: `${client.uid}+greylist@example.com`,
    });
    await call("sendMessage", { requestId: randomUUID(), coachId, clientUid: client.uid, text: "Courts are wet, bring other shoes" }, emma);
    const waiting = await settledMailsTo(coachId, `${client.uid}+greylist@example.com`);
    expect(waiting).toEqual([]);
    const [entry] = (await mailOutboxCol(coachId).get()).docs.filter((doc) => doc.data().kind === "coach_message");
    expect(entry!.data()).toMatchObject({ status: "pending", attempts: 1 });
    const retryAt = entry!.data().notBefore;
    expect(retryAt > DateTime.utc()).toBe(true);
    await flushDueMail(retryAt, transport);
    const [message] = await mailsTo(`${client.uid}+greylist@example.com`);
    expect(message?.subject).toBe(`New message from ${DEMO.coach.name}`);
    expect(message?.text).not.toContain("Courts are wet");

    // Then an address that does not exist.
    const record = (await clientRecordRef(coachId, client.uid).get()).data()!;
    await clientRecordRef(coachId, client.uid).set({ ...record, email: "nobody@bounce.invalid" });
    await call("sendMessage", { requestId: randomUUID(), coachId, clientUid: client.uid, text: "See you Monday" }, emma);
    await settledMailsTo(coachId, "nobody@bounce.invalid");
    const detail = await call("getClientDetail", { coachId, clientUid: client.uid }, emma);
    expect(detail.client.mailProblem).toMatchObject({ address: "nobody@bounce.invalid" });
    expect(detail.client.mailProblem?.reason).toMatch(/550|No such mailbox/);
  });
});

const DEMO_SITE = "http://127.0.0.1:5000";
const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });
const demoOfferingTitle = () => "Private lesson (60 min)";
const berlin = (iso: string) => DateTime.fromISO(iso).setZone("Europe/Berlin").setLocale("en-GB").toFormat("ccc d LLL, HH:mm");

describe("every other kind", () => {
  it("request received and declined, pack low, cancelled by the client, receipt and refund, the expiry notice: each once", async () => {
    const client = await newClient(2);
    // A match-play request (the coach confirms those), declined by the coach.
    const from = DateTime.utc().plus({ hours: 30 }).toISO()!;
    const { slots } = await call("listSlots", { coachId, offeringId: DEMO.matchPlayId, from, days: 14 });
    const request = await call(
      "bookSlot",
      { requestId: randomUUID(), coachId, offeringId: DEMO.matchPlayId, start: slots[0]!.start, payWith: "pack", note: "" },
      client.token,
    );
    expect(request.status).toBe("requested");
    await call("cancelBooking", { coachId, bookingId: request.bookingId }, emma);
    // A lesson that leaves one unit, then cancelled by the client in time.
    const lesson = await call(
      "bookSlot",
      { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: await freeSlot(), payWith: "pack", note: "" },
      client.token,
    );
    await call("cancelBooking", { coachId, bookingId: lesson.bookingId }, client.token);
    // The pack paid in cash, then partly refunded.
    const target = { type: "pack" as const, id: `pack-${client.uid}` };
    await call("recordPayment", { requestId: randomUUID(), coachId, target, method: "cash", amountMinor: 58000, reference: "" }, emma);
    await call("recordRefund", { requestId: randomUUID(), coachId, target, method: "bank_transfer", amountMinor: 5000, reference: "" }, emma);
    await settledMailsTo(coachId, client.email);
    // 14 days before the pack ends, with units left.
    const pack = (await packsCol(coachId).doc(target.id).get()).data()!;
    await flushDueMail(pack.expiresAt.minus({ days: 14 }), transport);

    const mails = await mailsTo(client.email);
    expect(mails.map(kindOf).sort()).toEqual(
      [
        "pack_bought",
        "request_received",
        "request_declined",
        "booking_confirmed",
        "pack_low",
        "cancelled_by_client",
        "payment_receipt",
        "refund_receipt",
        "pack_expiring",
        // The lesson's reminder was dropped with its cancellation; none went out.
      ].sort(),
    );
    const said = (kind: string) => byKind(mails, kind)[0]!;
    expect(said("request_received").subject).toBe("Request sent: Match play (90 min)");
    expect(said("request_declined").text).toContain("Nothing was charged.");
    expect(said("pack_low").subject).toBe("One session left in 10-session pack");
    expect(said("pack_low").headers["list-unsubscribe"]).toMatch(/^<http:\/\/127\.0\.0\.1:5000\/mail\/unsubscribe\?/);
    expect(said("cancelled_by_client").text).toContain("Your unit was credited back.");
    expect(said("cancelled_by_client").text).toContain("You have 2 sessions left in your packs.");
    expect(said("payment_receipt").subject).toBe(`Receipt: €580.00 to ${DEMO.coach.name}`);
    expect(said("refund_receipt").text).toContain("refunded €50.00 by bank transfer");
    expect(said("pack_expiring").text).toContain("with 2 sessions left");
    expect(invite(said("cancelled_by_client")).method).toBe("CANCEL");
  });
});

describe("giving up", () => {
  it("a mail whose sends kept dying midway is given up after the last attempt, not claimed forever", async () => {
    const client = await newClient(0);
    await call("sendMessage", { requestId: randomUUID(), coachId, clientUid: client.uid, text: "Hi" }, emma);
    await settledMailsTo(coachId, client.email);
    const [doc] = (await mailOutboxCol(coachId).get()).docs.filter((d) => d.data().kind === "coach_message");
    const long = DateTime.utc().minus({ hours: 1 });
    await doc!.ref.set({ ...doc!.data(), status: "sending", attempts: 8, claimedAt: long, sentAt: null });
    expect(await deliverMail(coachId, doc!.id, DateTime.utc(), transport)).toBe("failed");
    const failed = (await doc!.ref.get()).data();
    expect(failed).toMatchObject({ status: "failed", claimedAt: null });
    // Done with: Firestore's TTL policy deletes it 90 days on.
    expect(Math.round(failed!.expireAt!.diff(DateTime.utc(), "days").days)).toBe(90);
    expect(await deliverMail(coachId, doc!.id, DateTime.utc(), transport)).toBe("not_due");
  });
});

describe("time zones", () => {
  it("a session after the spring DST change: the mails say 09:00 summer time, the invite holds the instant, the reminder comes 24 real hours before", async () => {
    const client = await newClient(5);
    // Booked on Fri 29 Mar 2030 (CET) for Mon 1 Apr 2030, 09:00 CEST: Berlin moves its clocks on Sun 31 Mar.
    const bookedAt = utc("2030-03-29T12:00:00Z");
    const start = utc("2030-04-01T07:00:00Z");
    const booking: Booking = {
      coachId,
      clientUid: client.uid,
      offeringId: DEMO.offeringId,
      startsAt: start,
      endsAt: start.plus({ hours: 1 }),
      cells: [],
      status: "confirmed",
      payment: { method: "pack", packId: `pack-${client.uid}` },
      seriesId: null,
      createdAt: bookedAt,
      resolution: null,
      checkout: null,
      note: "",
      inviteSequence: 0,
      movedFrom: null,
    };
    await db().runTransaction(async (tx) =>
      writeBookingChange(tx, coachId, demoCoach, { bookingId: "dst", before: undefined, after: booking, claimed: [], released: [] }, bookedAt),
    );
    const reminder = (await mailOutboxCol(coachId).doc(`dst-reminder-24h-${start.toSeconds()}`).get()).data();
    expect(reminder?.notBefore.toISO()).toBe("2030-03-31T07:00:00.000Z"); // Sunday 09:00 CEST: 24 h, not 23, before.

    await flushDueMail(bookedAt, transport);
    await flushDueMail(utc("2030-03-31T07:00:00Z"), transport);
    const mails = await mailsTo(client.email);
    expect(byKind(mails, "booking_confirmed").map((mail) => mail.subject)).toEqual(["Booked: Private lesson (60 min), Mon 1 Apr, 09:00"]);
    expect(byKind(mails, "reminder").map((mail) => mail.subject)).toEqual(["Reminder: Private lesson (60 min), Mon 1 Apr, 09:00"]);
    expect(invite(byKind(mails, "booking_confirmed")[0]).start).toBe("2030-04-01T07:00:00.000Z");
  });
});
