// A pack ledger entry and a booking's cancellation, no-show or waiver in the
// page's language, from the facts the functions keep with them
// (functions/src/domain/packs.ts LedgerFacts, the booking's resolution). The
// stored sentence is English: pages show it only for entries written before
// the facts were kept. Pure: no DOM; dates through format.ts.
import type { TimelineEntryView } from "../../../functions/src/api/clients.js";
import type { LedgerFactsView } from "../../../functions/src/api/packs.js";
import type { LedgerReason } from "../../../functions/src/domain/packs.js";
import { intlLocale, label, strings, type Lang, type Strings } from "../i18n/index.js";
import { formatDay, formatTime } from "./format.js";

/** How a page words entries: its language, the zone its sessions show in, the coach's zone (a pack's days are the coach's), and now (for the year). */
export interface LedgerLook {
  lang: Lang;
  zone: string;
  coachZone: string;
  now?: Date;
}

/** A ledger line as the pages get it: its reason, delta and facts, and the name of its pack. */
export type LedgerLine = LedgerFactsView & { reason: LedgerReason; delta: number; packName: string };

/** What a booking's resolution says, as the client timeline gets it. */
export type ResolutionFacts = NonNullable<Extract<TimelineEntryView, { type: "booking" }>["resolution"]>;

/** A lead time in the language's short units: 1800 min → "30 h", 195 → "3 h 15 min", 45 → "45 min"; null when unknown or past. */
export function leadTime(minutes: number | null, t: Strings): string | null {
  if (minutes === null || minutes < 0) return null;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t.minutesShort(rest);
  return rest === 0 ? t.hoursShort(hours) : `${t.hoursShort(hours)} ${t.minutesShort(rest)}`;
}

/**
 * A ledger line in words ("Session on Tue, 14 Oct, 18:00 booked", "Stunde am
 * Di., 14. Okt., 18:00 gebucht"); undefined when the entry lacks the facts
 * its words need (written before they were kept): the caller falls back.
 */
export function ledgerWords(line: LedgerLine, look: LedgerLook): string | undefined {
  const t = strings(look.lang).ledgerLine;
  const locale = intlLocale(look.lang);
  const now = look.now ?? new Date();
  const session = (iso: string | null) => (iso ? `${formatDay(iso, look.zone, locale, now)}, ${formatTime(iso, look.zone, locale)}` : undefined);
  const day = (iso: string | null) => (iso ? formatDay(iso, look.coachZone, locale, now) : undefined);
  const lead = leadTime(line.minutesBefore, strings(look.lang));
  const units = Math.abs(line.delta);
  const when = session(line.sessionStart);
  switch (line.reason) {
    case "PACK_PURCHASED":
      return t.PACK_PURCHASED(line.packName);
    case "BOOKING_DEBIT":
      return when && t.BOOKING_DEBIT(when);
    case "BOOKING_MOVED": {
      const from = session(line.movedFrom);
      return from && when && t.BOOKING_MOVED(from, when);
    }
    case "CANCEL_CREDIT":
      return when && t.CANCEL_CREDIT(when, lead);
    case "CANCEL_LATE_USED":
      return when && t.CANCEL_LATE_USED(when, lead);
    case "COACH_CANCEL_CREDIT":
      return when && t.COACH_CANCEL_CREDIT(when);
    case "WAIVER_CREDIT":
      return when && t.WAIVER_CREDIT(when, line.note);
    case "NO_SHOW_USED":
      return when && t.NO_SHOW_USED(when);
    case "PACK_EXPIRED": {
      const expired = day(line.expiresAt);
      return expired && t.PACK_EXPIRED(expired, units);
    }
    case "CREDIT_AFTER_EXPIRY": {
      const expired = day(line.expiresAt);
      return expired && t.CREDIT_AFTER_EXPIRY(expired);
    }
    case "CREDIT_AFTER_REFUND":
      return t.CREDIT_AFTER_REFUND;
    case "TRANSFER_OUT":
      return line.otherClient === null ? undefined : t.TRANSFER_OUT(units, line.otherClient);
    case "TRANSFER_IN":
      return line.otherClient === null ? undefined : t.TRANSFER_IN(units, line.otherClient);
    case "PACK_VOIDED":
      return t.PACK_VOIDED(units, line.note);
    case "EXPIRY_EXTENDED": {
      const from = day(line.extendedFrom);
      const to = day(line.expiresAt);
      return from && to && t.EXPIRY_EXTENDED(from, to, line.note ?? "");
    }
    case "MANUAL_ADJUSTMENT":
      return t.MANUAL_ADJUSTMENT(line.note ?? "");
  }
}

/**
 * What a cancellation, no-show or waiver did, in words: "Cancelled 30 h
 * before the start: unit credited back", "Nicht erschienen: als genutzt
 * gezählt". `byPack`: the booking was paid with a pack unit (a waiver credits
 * it; otherwise the charge becomes refundable).
 */
export function resolutionWords(resolution: ResolutionFacts, byPack: boolean, lang: Lang): string {
  const s = strings(lang);
  const t = s.resolutionLine;
  const outcome = (key: string) => label(s.outcome, key);
  if (resolution.outcome === "released") return resolution.by === "system" ? t.unpaid : resolution.by === "coach" ? t.declined : t.withdrawn;
  if (resolution.outcome === "waived") {
    return t.waived(resolution.kind === "no_show", resolution.waiverLabel ?? "", outcome(byPack ? "credited" : "refundable"));
  }
  if (resolution.kind === "no_show") return t.noShow(outcome(resolution.outcome));
  if (resolution.by === "coach") return t.byCoach(outcome(resolution.outcome));
  return t.byClient(leadTime(resolution.minutesBefore, s), outcome(resolution.outcome));
}
