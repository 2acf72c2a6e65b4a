// Ledger lines and a booking's cancellation, no-show or waiver in the page's
// language: each entry made by the domain, returned as the callables return it
// (ledgerView), then worded in English and German from its facts. An entry
// stored before the facts were kept parses, and the page falls back to its
// stored sentence.
import { describe, expect, it } from "vitest";
import type { LedgerEntry, WithId } from "../../functions/src/domain/packs.js";
import { LedgerEntry as LedgerEntrySchema, bookingDebitEntry, bookingMovedEntry, decideExpiry } from "../../functions/src/domain/packs.js";
import { decideAdjustment, decideExtension, decideTransfer } from "../../functions/src/domain/pack-operations.js";
import { decideCancellation, decideNoShow, decideWaiver } from "../../functions/src/domain/policy.js";
import { ledgerView } from "../../functions/src/shell/calls/views.js";
import type { Lang } from "../../site/src/i18n/index.js";
import { leadTime, ledgerWords, resolutionWords, type ResolutionFacts } from "../../site/src/lib/ledger-words.js";
import { strings } from "../../site/src/i18n/index.js";
import { POLICY, ZONE, booking, pack, utc } from "../domain/fixtures.js";

// Tuesday 14 Oct 2025, 18:00 Berlin (UTC+2); the page looks in the same year.
const START = utc("2025-10-14T16:00:00Z");
const BOUGHT = utc("2025-09-01T10:00:00Z");
const NOW = new Date("2025-11-30T12:00:00Z");
const coach = { uid: "coach-uid", now: utc("2025-10-20T09:00:00Z") };

/** The entry in English and in German, as the coach app words it (sessions and days in the coach's zone). */
function said(entry: WithId<LedgerEntry> | undefined, packName = "10-session pack"): Record<Lang, string | undefined> {
  if (!entry) throw new Error("expected an entry");
  const line = { ...ledgerView(entry.id, entry.data), packName };
  return {
    en: ledgerWords(line, { lang: "en", zone: ZONE, coachZone: ZONE, now: NOW }),
    de: ledgerWords(line, { lang: "de", zone: ZONE, coachZone: ZONE, now: NOW }),
  };
}

const firstEntry = <T extends { entries: WithId<LedgerEntry>[] }>(result: { ok: true; value: T } | { ok: false }) => {
  if (!result.ok) throw new Error("expected a decision");
  return result.value.entries[0];
};

const cancelBy = (by: "client" | "coach", now: string) =>
  decideCancellation({
    bookingId: "b1",
    booking: booking(START, "p1"),
    policy: POLICY,
    timeZone: ZONE,
    actor: { uid: by === "coach" ? "coach-uid" : "client-1", now: utc(now) },
    pack: pack("p1", BOUGHT, { remaining: 7 }),
    by,
  });

describe("a ledger line in the page's language", () => {
  it("a debit names the session's time in the zone and the language", () => {
    const debit = bookingDebitEntry({ bookingId: "b1", start: START, timeZone: ZONE, actor: coach });
    expect(debit.data.sentence).toBe("\u22121  Tue 14 Oct 18:00 session booked");
    expect(said(debit)).toEqual({ en: "Session on Tue 14 Oct, 18:00 booked", de: "Stunde am Di., 14. Okt., 18:00 gebucht" });
  });

  it("a move names both times", () => {
    const moved = bookingMovedEntry({ bookingId: "b1", requestId: "r1", from: START, to: utc("2025-10-16T07:00:00Z"), timeZone: ZONE, actor: coach });
    expect(said(moved)).toEqual({
      en: "Session moved from Tue 14 Oct, 18:00 to Thu 16 Oct, 09:00: same unit",
      de: "Stunde von Di., 14. Okt., 18:00 auf Do., 16. Okt., 09:00 verschoben: gleiche Einheit",
    });
  });

  it("a cancellation credit in time says how long before the start; a late one says it counts as used", () => {
    const early = cancelBy("client", "2025-10-13T10:00:00Z");
    if (!early.ok) throw new Error("expected a cancellation");
    expect(said(early.value.packChange?.entries[0])).toEqual({
      en: "Session on Tue 14 Oct, 18:00 cancelled 30 h before the start: credited",
      de: "Stunde am Di., 14. Okt., 18:00 storniert, 30 Std. vor Beginn: gutgeschrieben",
    });
    const late = cancelBy("client", "2025-10-14T12:45:00Z");
    if (!late.ok) throw new Error("expected a cancellation");
    expect(said(late.value.packChange?.entries[0])).toEqual({
      en: "Session on Tue 14 Oct, 18:00 cancelled 3 h 15 min before the start: counts as used (late)",
      de: "Stunde am Di., 14. Okt., 18:00 storniert, 3 Std. 15 Min. vor Beginn: als genutzt gezählt (zu spät)",
    });
    const byCoach = cancelBy("coach", "2025-10-14T12:45:00Z");
    if (!byCoach.ok) throw new Error("expected a cancellation");
    expect(said(byCoach.value.packChange?.entries[0])).toEqual({
      en: "Session on Tue 14 Oct, 18:00 cancelled by the coach: credited",
      de: "Stunde am Di., 14. Okt., 18:00 vom Coach abgesagt: gutgeschrieben",
    });
  });

  it("a no-show, and its waiver with the policy's reason in the coach's words", () => {
    const afterStart = { uid: "coach-uid", now: utc("2025-10-14T17:30:00Z") };
    const common = { bookingId: "b1", policy: POLICY, timeZone: ZONE, actor: afterStart };
    const noShow = decideNoShow({ ...common, booking: booking(START, "p1"), pack: pack("p1", BOUGHT, { remaining: 7 }) });
    if (!noShow.ok) throw new Error("expected a no-show");
    expect(said(noShow.value.packChange?.entries[0])).toEqual({
      en: "No-show on Tue 14 Oct, 18:00: counts as used",
      de: "Nicht erschienen am Di., 14. Okt., 18:00: als genutzt gezählt",
    });
    const waiver = decideWaiver({ ...common, booking: noShow.value.booking, pack: { id: "p1", data: noShow.value.packChange!.pack }, reasonId: "illness" });
    if (!waiver.ok) throw new Error("expected a waiver");
    expect(said(waiver.value.packChange?.entries[0])).toEqual({
      en: "Session on Tue 14 Oct, 18:00 waived by the coach: credited – illness",
      de: "Stunde am Di., 14. Okt., 18:00 vom Coach erlassen: gutgeschrieben – illness",
    });
  });

  it("a transfer names the other client and the units, on both sides", () => {
    const giver = pack("p1", BOUGHT, { remaining: 5, transferable: true }).data;
    const args = { packId: "p1", pack: giver, units: 2, toClientUid: "c2", newPackId: "t-r5", fromName: "Lena", toName: "Max", requestId: "r5", actor: coach };
    const result = decideTransfer(args);
    if (!result.ok) throw new Error("expected a transfer");
    expect(said(result.value.from.entries[0])).toEqual({ en: "2 units transferred to Max", de: "2 Einheiten an Max übertragen" });
    expect(said(result.value.to.entries[0])).toEqual({ en: "2 units transferred from Lena", de: "2 Einheiten von Lena übertragen" });
  });

  it("an expiry and an extension name the pack's days in the coach's zone", () => {
    // 22:00 UTC on 31 Mar is 1 Apr 00:00 in Berlin.
    const expiring = pack("p1", BOUGHT, { remaining: 3, expiresAt: utc("2025-03-31T22:00:00Z") }).data;
    const expiry = decideExpiry({ packId: "p1", pack: expiring, timeZone: ZONE, now: utc("2025-04-01T06:00:00Z") });
    expect(said(expiry?.entries[0])).toEqual({
      en: "Pack expired on Tue 1 Apr with 3 units unused",
      de: "Paket am Di., 1. Apr. abgelaufen, 3 Einheiten ungenutzt",
    });
    const extended = decideExtension({ packId: "p1", pack: expiring, days: 30, note: "knee injury", requestId: "r2", timeZone: ZONE, actor: coach });
    expect(said(firstEntry(extended))).toEqual({
      en: "Validity extended from Tue 1 Apr to Thu 1 May: knee injury",
      de: "Gültigkeit vom Di., 1. Apr. auf den Do., 1. Mai verlängert: knee injury",
    });
  });

  it("a manual adjustment says the coach's note; a purchase names the pack", () => {
    const adjusted = decideAdjustment({
      packId: "p1",
      pack: pack("p1", BOUGHT).data,
      delta: -1,
      note: "session given on the club day",
      requestId: "r3",
      actor: coach,
    });
    expect(said(firstEntry(adjusted))).toEqual({
      en: "Manual adjustment: session given on the club day",
      de: "Manuelle Korrektur: session given on the club day",
    });
    const bought: WithId<LedgerEntry> = {
      id: "pack-p1-purchased",
      data: LedgerEntrySchema.parse({ delta: 10, reason: "PACK_PURCHASED", sentence: "+10  10er-Paket bought", actorUid: "c", at: BOUGHT }),
    };
    expect(said(bought, "10er-Paket")).toEqual({ en: "10er-Paket bought", de: "10er-Paket gekauft" });
  });

  it("an entry stored before the facts were kept still parses, and has no words of its own: the page shows its sentence", () => {
    const stored = LedgerEntrySchema.parse({
      delta: -1,
      reason: "BOOKING_DEBIT",
      sentence: "\u22121  Tue 14 Oct 18:00 session booked",
      actorUid: "c",
      at: BOUGHT,
    });
    expect(stored).toMatchObject({ sessionStart: null, movedFrom: null, expiresAt: null, extendedFrom: null, otherClient: null, minutesBefore: null });
    expect(said({ id: "booking-b1-debit", data: stored })).toEqual({ en: undefined, de: undefined });
  });
});

describe("a booking's resolution in the page's language", () => {
  const resolution = (facts: Partial<ResolutionFacts>): ResolutionFacts => ({
    kind: "cancelled",
    by: "client",
    outcome: "credited",
    minutesBefore: 1800,
    waiverLabel: null,
    ...facts,
  });
  const both = (facts: Partial<ResolutionFacts>, byPack = true) => ({
    en: resolutionWords(resolution(facts), byPack, "en"),
    de: resolutionWords(resolution(facts), byPack, "de"),
  });

  it("a client's cancellation says how long before the start and what it did", () => {
    expect(both({})).toEqual({ en: "Cancelled 30 h before the start: unit credited back", de: "Storniert 30 Std. vor Beginn: Einheit gutgeschrieben" });
    expect(both({ outcome: "charge_kept", minutesBefore: 45 }, false)).toEqual({
      en: "Cancelled 45 min before the start: charge kept",
      de: "Storniert 45 Min. vor Beginn: Betrag bleibt fällig",
    });
  });

  it("the coach's cancellation, a no-show, a waiver, and requests and checkouts that ended", () => {
    expect(both({ by: "coach" })).toEqual({ en: "Cancelled by the coach: unit credited back", de: "Vom Coach abgesagt: Einheit gutgeschrieben" });
    expect(both({ kind: "no_show", by: "coach", outcome: "counted_as_used", minutesBefore: null })).toEqual({
      en: "No-show: counted as used",
      de: "Nicht erschienen: als genutzt gezählt",
    });
    expect(both({ outcome: "waived", minutesBefore: 120, waiverLabel: "court closed (weather)" }, false)).toEqual({
      en: "Late cancellation waived by the coach: to be refunded – court closed (weather)",
      de: "Späte Stornierung vom Coach erlassen: wird erstattet – court closed (weather)",
    });
    expect(both({ outcome: "released", by: "coach" })).toEqual({ en: "Request declined by the coach", de: "Anfrage vom Coach abgelehnt" });
    expect(both({ outcome: "released" })).toEqual({ en: "Request withdrawn", de: "Anfrage zurückgezogen" });
    expect(both({ outcome: "released", by: "system", minutesBefore: null })).toEqual({
      en: "Online payment not completed: time released",
      de: "Online-Zahlung nicht abgeschlossen: Zeit freigegeben",
    });
  });

  it("a lead time in short units: 1800 min → 30 h, 195 → 3 h 15 min, 45 → 45 min; none when unknown or after the start", () => {
    expect([1800, 195, 45, 0].map((minutes) => leadTime(minutes, strings("en")))).toEqual(["30 h", "3 h 15 min", "45 min", "0 min"]);
    expect(leadTime(195, strings("de"))).toBe("3 Std. 15 Min.");
    expect([null, -5].map((minutes) => leadTime(minutes, strings("en")))).toEqual([null, null]);
  });
});
