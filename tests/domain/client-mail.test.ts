// E-mails to clients, rendered: every kind in both languages, times in the
// client's zone, money in the coach's currency, and invites that calendar
// apps read (ical.js) with a stable UID and a growing SEQUENCE.
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { ClientMailKind, type MailFacts } from "../../functions/src/domain/client-mail-facts.js";
import { mailLanguage, renderClientMail, sessionInvite } from "../../functions/src/domain/client-mail.js";

const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });
const session = {
  bookingId: "b1",
  title: "Private lesson (60 min)",
  start: utc("2026-11-24T17:00:00Z"),
  end: utc("2026-11-24T18:00:00Z"),
  place: "Court 3, TC Blau-Weiss",
  address: "Waldstraße 12, 10551 Berlin",
};
const facts = (change: Partial<MailFacts> = {}): MailFacts => ({
  lang: "en",
  clientName: "Lena",
  coachName: "Emma Weber",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  portalUrl: "https://book.example.com/portal",
  session,
  movedFrom: utc("2026-11-23T17:00:00Z"),
  outcome: "credited",
  balance: 7,
  pack: { name: "10-session pack", remaining: 1, expiresAt: utc("2027-05-22T22:00:00Z") },
  money: { amountMinor: 6500, method: "card", wallet: null },
  leadHours: 24,
  ...change,
});

describe("every kind of mail", () => {
  it.each(ClientMailKind.options.flatMap((kind) => [[kind, "en"] as const, [kind, "de"] as const]))(
    "%s in %s: subject, text and HTML with the portal link",
    (kind, lang) => {
      const mail = renderClientMail(kind, facts({ lang }));
      expect(mail.subject.length).toBeGreaterThan(5);
      expect(mail.subject).not.toMatch(/[,:]\s*$/);
      expect(mail.text).toContain("https://book.example.com/portal");
      expect(mail.text).toContain(lang === "de" ? "Hallo Lena," : "Hello Lena,");
      expect(mail.text).not.toMatch(/\n\n\n/);
      expect(mail.html).toContain(`<html lang="${lang}">`);
      expect(mail.html).toContain('href="https://book.example.com/portal"');
    },
  );
});

describe("what a mail says", () => {
  it("gives times in the client's zone and money in the coach's currency, in the client's language", () => {
    expect(renderClientMail("booking_confirmed", facts()).subject).toBe("Booked: Private lesson (60 min), Tue 24 Nov, 18:00");
    expect(renderClientMail("booking_confirmed", facts({ timeZone: "Asia/Kolkata" })).text).toContain("Tue 24 Nov, 22:30");
    expect(renderClientMail("booking_confirmed", facts({ lang: "de" })).subject).toBe("Gebucht: Private lesson (60 min), Di, 24. Nov, 18:00");
    expect(renderClientMail("payment_receipt", facts()).subject).toBe("Receipt: €65.00 to Emma Weber");
    expect(renderClientMail("payment_receipt", facts({ lang: "de", currency: "EUR" })).subject).toBe("Beleg: 65,00\u00a0€ an Emma Weber");
    expect(renderClientMail("refund_receipt", facts({ currency: "GBP", money: { amountMinor: 1250, method: "cash", wallet: null } })).text).toContain(
      "refunded £12.50 in cash",
    );
  });

  it("says a cancellation's outcome and the balance after; a move names the former time", () => {
    const cancelled = renderClientMail("cancelled_by_client", facts({ outcome: "counted_as_used", balance: 6 }));
    expect(cancelled.text).toContain("It was late, so the unit counts as used.");
    expect(cancelled.text).toContain("You have 6 sessions left in your packs.");
    expect(renderClientMail("booking_moved", facts()).text).toContain("was moved from Mon 23 Nov, 18:00");
    expect(renderClientMail("cancelled_by_coach", facts({ lang: "de" })).text).toContain("Emma Weber musste diese Stunde absagen.");
  });

  it("leaves out what it was not told, and escapes what it was told in HTML", () => {
    const bare = renderClientMail("reminder", facts({ session: undefined, clientName: "<Lena & Max>" }));
    expect(bare.subject).toBe("Reminder");
    expect(bare.html).toContain("Hello &#60;Lena &#38; Max&#62;,");
    expect(bare.html).not.toContain("<Lena");
  });

  it("speaks the client's language when SoloCoach has it, else the coach's", () => {
    expect(mailLanguage("de-AT", "en")).toBe("de");
    expect(mailLanguage("en_GB", "de")).toBe("en");
    expect(mailLanguage("fr-FR", "de")).toBe("de");
    expect(mailLanguage(undefined, "en")).toBe("en");
  });
});

describe("the invite", () => {
  const people = { coach: { name: "Emma Weber", email: "emma@example.com" }, client: { name: "Lena Fischer", email: "lena@example.com" } };
  const parse = (ics: string) => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    return { method: calendar.getFirstPropertyValue("method"), event: new ICAL.Event(calendar.getFirstSubcomponent("vevent")!) };
  };

  it("is a request with the place and its street address, organizer and attendee", () => {
    const { method, event } = parse(sessionInvite({ session, method: "REQUEST", sequence: 0, ...people, stamp: utc("2026-11-20T10:00:00Z") }));
    expect(method).toBe("REQUEST");
    expect(event.uid).toBe("booking-b1@solocoach");
    expect(event.sequence).toBe(0);
    expect(event.location).toBe("Court 3, TC Blau-Weiss, Waldstraße 12, 10551 Berlin");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-11-24T17:00:00.000Z");
    expect(event.organizer).toBe("mailto:emma@example.com");
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual(["mailto:lena@example.com"]);
  });

  it("moved keeps the UID with the next SEQUENCE; cancelled is METHOD:CANCEL; instants hold across the spring DST change", () => {
    const moved = { ...session, start: utc("2027-03-28T07:00:00Z"), end: utc("2027-03-28T08:00:00Z") };
    const update = parse(sessionInvite({ session: moved, method: "REQUEST", sequence: 1, ...people, stamp: utc("2027-03-20T10:00:00Z") }));
    expect([update.event.uid, update.event.sequence]).toEqual(["booking-b1@solocoach", 1]);
    // 09:00 in Berlin on the night clocks went forward is 07:00 UTC.
    expect(update.event.startDate.toJSDate().toISOString()).toBe("2027-03-28T07:00:00.000Z");
    const cancel = parse(sessionInvite({ session: moved, method: "CANCEL", sequence: 2, ...people, stamp: utc("2027-03-21T10:00:00Z") }));
    expect([cancel.method, cancel.event.uid, cancel.event.sequence]).toEqual(["CANCEL", "booking-b1@solocoach", 2]);
    expect(cancel.event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

describe("the unsubscribe link", () => {
  it("ends a mail that has one, in both parts, in the mail's language; a mail without one has none", () => {
    const link = "https://book.example.com/mail/unsubscribe?c=coach-emma&u=uid-lena&s=abc";
    const reminder = renderClientMail("reminder", facts({ unsubscribeUrl: link }));
    expect(reminder.text.trimEnd().endsWith(`No more reminders by e-mail: ${link}`)).toBe(true);
    expect(reminder.html).toContain(`href="${link.replace(/&/g, "&#38;")}"`);
    expect(renderClientMail("reminder", facts({ lang: "de", unsubscribeUrl: link })).text).toContain("Keine Erinnerungen mehr per E-Mail:");
    expect(renderClientMail("booking_confirmed", facts()).text).not.toContain("unsubscribe");
  });
});

describe("a pack's end", () => {
  it("is named by its last day, since a pack ends at midnight in the coach's zone", () => {
    const end = { name: "10-session pack", remaining: 3, expiresAt: utc("2027-05-30T22:00:00Z") };
    expect(renderClientMail("pack_bought", facts({ pack: end })).text).toContain("valid through Sun 30 May 2027.");
    expect(renderClientMail("pack_expiring", facts({ pack: end, lang: "de" })).text).toContain(
      "gilt bis einschließlich So, 30. Mai 2027. Noch offen: 3 Einheiten.",
    );
  });

  it("counts one unit in the singular", () => {
    const one = { name: "Trial", remaining: 1, expiresAt: utc("2027-05-30T22:00:00Z") };
    expect(renderClientMail("pack_bought", facts({ pack: one })).text).toContain("ready: 1 session, valid");
    expect(renderClientMail("pack_expiring", facts({ pack: one })).text).toContain("with 1 session left.");
    expect(renderClientMail("pack_bought", facts({ pack: one, lang: "de" })).text).toContain("bereit: 1 Einheit, gültig");
    expect(renderClientMail("pack_expiring", facts({ pack: one, lang: "de" })).text).toContain("Noch offen: 1 Einheit.");
  });
});
