// Which e-mails a booking change sends its client: one per cause, reminders
// only for a session that is still confirmed at the time it was planned for.
import { describe, expect, it } from "vitest";
import type { BookingResolution } from "../../functions/src/domain/booking.js";
import { DEFAULT_CLIENT_REMINDERS, inviteSequence, mailsForBookingChange, reminderStillDue } from "../../functions/src/domain/client-mail-plan.js";
import { booking, utc } from "./fixtures.js";

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
    expect(inviteSequence(confirmed, now)).toBe(0);
    expect(inviteSequence(confirmed, now.plus({ minutes: 2 }))).toBe(120);
  });
});
