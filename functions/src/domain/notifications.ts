import { DateTime } from "luxon";
import * as z from "zod";
import { Instant, TimeOfDay, minutesOfDay } from "./time.js";

/** What the coach is told about. */
export const NotificationKind = z.enum([
  "booking_new",
  "booking_requested",
  "booking_cancelled",
  "booking_moved",
  "payment_received",
  "pack_low",
  "session_upcoming",
  "payment_open",
  "pack_expiring",
  "daily_agenda",
  "message_received",
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Facts a notification carries; names are looked up when it is delivered. */
export const NotificationParams = z.object({
  bookingId: z.string().optional(),
  clientUid: z.string().optional(),
  offeringId: z.string().optional(),
  start: z.string().optional(),
  previousStart: z.string().optional(),
  /** A message's opening words; before the cancellation facts below were kept, also a cancellation's English sentence (still shown for those entries). */
  sentence: z.string().optional(),
  /** A cancellation: what it did to the unit or charge (a booking.ts CancellationOutcome; not imported, booking.ts needs this module through coach.ts). */
  outcome: z.string().optional(),
  /** A cancellation: who cancelled. */
  by: z.enum(["client", "coach"]).optional(),
  /** A cancellation: minutes between it and the start. */
  minutesBefore: z.number().int().optional(),
  amountMinor: z.number().int().optional(),
  remaining: z.number().int().optional(),
  packName: z.string().optional(),
  paymentState: z.string().optional(),
  expiresAt: z.string().optional(),
  /** How many sessions: the day's agenda, or the weekly sessions a series booked or cancelled (none for a single booking). */
  sessions: z.number().int().optional(),
});
export type NotificationParams = z.infer<typeof NotificationParams>;

/** An outbox entry: written in the transaction that causes it, delivered by a trigger. */
export const OutboxEntry = z.object({
  kind: NotificationKind,
  params: NotificationParams,
  urgent: z.boolean(),
  createdAt: Instant,
  /** Not before this instant (end of quiet hours for non-urgent news, or a retry's backoff). */
  notBefore: Instant,
  status: z.enum(["pending", "sent"]),
  attempts: z.number().int().min(0),
  /** Tokens already sent to, and tokens being sent to right now (token → claimed at). */
  sentTo: z.array(z.string()),
  inFlight: z.record(z.string(), Instant),
  /** Once sent: when a TTL policy deletes the entry (OUTBOX_KEPT_DAYS on). */
  expireAt: Instant.optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Quiet hours in the coach's zone; may span midnight (21:00–07:00, the default). */
export const QuietHours = z.object({ from: TimeOfDay, to: TimeOfDay });
export type QuietHours = z.infer<typeof QuietHours>;

/** When to remind the coach of a session: the evening before at a time, or some minutes before. */
export const LeadTime = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("evening_before"), at: TimeOfDay }),
  z.object({
    kind: z.literal("before"),
    minutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
  }),
]);
export type LeadTime = z.infer<typeof LeadTime>;

/** When clients are reminded of a session by e-mail: hours before it (default one day; 2 h is a common second). */
export const ClientReminders = z.object({
  enabled: z.boolean().default(true),
  leadHours: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(7 * 24),
    )
    .max(3)
    .default([24])
    .refine((hours) => new Set(hours).size === hours.length, "each lead time once"),
});
export type ClientReminders = z.infer<typeof ClientReminders>;

/** The longest a coach may wait before being told of an open payment. */
export const MAX_PAYMENT_OPEN_DAYS = 60;

/** How long a sent notification is kept (the cause's id keeps it from being sent twice meanwhile; reminders and nudges fall due within 30 days of their cause). */
export const OUTBOX_KEPT_DAYS = 90;

/** A coach's notification preferences (defaults: quiet 21:00–07:00, reminders the evening before at 18:00 and 1 h before). */
export const NotificationSettings = z.object({
  quietHours: QuietHours.nullable().default({ from: "21:00", to: "07:00" }),
  leadTimes: z
    .array(LeadTime)
    .max(4)
    .default([
      { kind: "evening_before", at: "18:00" },
      { kind: "before", minutes: 60 },
    ]),
  /** Remind of a payment still open this many days after the session or the pack sale. */
  paymentOpenDays: z.number().int().min(1).max(MAX_PAYMENT_OPEN_DAYS).default(3),
  /** Time of the daily agenda, or null for none. */
  agendaAt: TimeOfDay.nullable().default(null),
  /** E-mail reminders to clients before their sessions. */
  clientReminders: ClientReminders.prefault({}),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** News about a session starting within this many hours is urgent: it ignores quiet hours. */
export const URGENT_WITHIN_HOURS = 12;

/**
 * When a notification may be delivered: urgent ones at once; others wait
 * for the end of quiet hours. 22:30 with quiet 21:00–07:00 → 07:00 next
 * morning; 06:00 → 07:00 the same morning; 12:00 → at once.
 */
export function releaseTime(now: DateTime, timeZone: string, quiet: QuietHours | null, urgent: boolean): DateTime {
  if (urgent || !quiet) return now;
  const local = now.setZone(timeZone);
  const minute = local.hour * 60 + local.minute;
  const from = minutesOfDay(quiet.from);
  const to = minutesOfDay(quiet.to);
  const inside = from <= to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inside) return now;
  const end = local.startOf("day").set({ hour: Math.floor(to / 60), minute: to % 60 });
  return (end > local ? end : end.plus({ days: 1 })).toUTC();
}

/** True when news about a session at `start` is urgent at `now`. */
export function isUrgent(start: DateTime | undefined, now: DateTime): boolean {
  return start !== undefined && start > now && start.diff(now, "hours").hours <= URGENT_WITHIN_HOURS;
}

/** Notifications held by quiet hours are released spread over this many minutes after they end. */
export const RELEASE_SPREAD_SECONDS = 600;

/**
 * A stable delay (0 … 10 min) for one held notification, from its key (coach
 * and cause): the thousands held by one zone's quiet hours do not all fall
 * due at 07:00:00.
 */
export function releaseSpread(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0;
  return hash % RELEASE_SPREAD_SECONDS;
}

/** A new outbox entry for a cause, released after quiet hours (spread by `key`) unless urgent. */
export function outboxEntry(args: {
  key: string;
  kind: NotificationKind;
  params: NotificationParams;
  now: DateTime;
  timeZone: string;
  settings: NotificationSettings;
}): OutboxEntry {
  const start = args.params.start ? DateTime.fromISO(args.params.start, { zone: "utc" }) : undefined;
  const urgent = isUrgent(start, args.now);
  const release = releaseTime(args.now, args.timeZone, args.settings.quietHours, urgent);
  return {
    kind: args.kind,
    params: args.params,
    urgent,
    createdAt: args.now,
    notBefore: release > args.now ? release.plus({ seconds: releaseSpread(args.key) }) : release,
    status: "pending",
    attempts: 0,
    sentTo: [],
    inFlight: {},
  };
}

/** Retries wait 1, 2, 4 … minutes, at most an hour. */
export const backoff = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1));

/** Names the renderer needs, looked up at delivery. */
export interface RenderContext {
  locale: "en" | "de";
  timeZone: string;
  currency: string;
  clientName: string;
  offeringTitle: string;
  locationName: string;
}

/** The words of a language besides the titles and bodies: what a cancellation did, a series, a lead time's units. */
interface Words {
  outcome: Record<string, string>;
  withdrawn: string;
  declined: string;
  byCoach: (outcome: string) => string;
  byClient: (lead: string | null, outcome: string) => string;
  seriesCancelled: (sessions: number, lead: string | null, outcome: string) => string;
  series: (sessions: number) => string;
  hours: string;
  minutes: string;
}

const words: Record<"en" | "de", Words> = {
  en: {
    outcome: {
      credited: "unit credited back",
      counted_as_used: "unit counts as used (late)",
      refundable: "payment to be refunded",
      charge_kept: "charge kept (late)",
      released: "nothing charged",
      waived: "charge waived",
    },
    withdrawn: "request withdrawn",
    declined: "request declined",
    byCoach: (outcome) => `cancelled by the coach: ${outcome}`,
    byClient: (lead, outcome) => `cancelled${lead ? ` ${lead} before the start` : ""}: ${outcome}`,
    seriesCancelled: (n, lead, outcome) => `${n} weekly sessions cancelled from this one${lead ? `, ${lead} before the start` : ""}; this one: ${outcome}`,
    series: (n) => `${n} weekly sessions`,
    hours: "h",
    minutes: "min",
  },
  de: {
    outcome: {
      credited: "Einheit gutgeschrieben",
      counted_as_used: "Einheit als genutzt gezählt (kurzfristig)",
      refundable: "Zahlung wird erstattet",
      charge_kept: "Betrag bleibt fällig (kurzfristig)",
      released: "nichts berechnet",
      waived: "Gebühr erlassen",
    },
    withdrawn: "Anfrage zurückgezogen",
    declined: "Anfrage abgelehnt",
    byCoach: (outcome) => `vom Coach abgesagt: ${outcome}`,
    byClient: (lead, outcome) => `storniert${lead ? ` ${lead} vor Beginn` : ""}: ${outcome}`,
    seriesCancelled: (n, lead, outcome) => `${n} wöchentliche Termine ab diesem storniert${lead ? `, ${lead} vor Beginn` : ""}; dieser: ${outcome}`,
    series: (n) => `${n} wöchentliche Termine`,
    hours: "Std.",
    minutes: "Min.",
  },
};

/** A weekly series' count after a booking's time: " · 3 weekly sessions"; nothing for a single booking. */
const seriesNote = (p: Texts) => (p.series ? ` · ${p.series}` : "");

const texts = {
  en: {
    booking_new: (p: Texts) => [`New booking: ${p.client}`, `${p.offering}, ${p.when}${seriesNote(p)}`],
    booking_requested: (p: Texts) => [`Booking request: ${p.client}`, `${p.offering}, ${p.when}${seriesNote(p)} — please confirm or decline`],
    booking_cancelled: (p: Texts) => [`Cancelled: ${p.client}`, `${p.offering}, ${p.when} · ${p.cancellation}`],
    booking_moved: (p: Texts) => [`Moved: ${p.client}`, `${p.offering}: ${p.previous} → ${p.when}`],
    payment_received: (p: Texts) => [`Payment received: ${p.client}`, `${p.amount}`],
    pack_low: (p: Texts) => [`${p.client} has ${p.remaining} unit left`, `${p.pack} — time to offer a new pack`],
    session_upcoming: (p: Texts) => [`${p.when}: ${p.client}`, `${p.offering} at ${p.location} · payment: ${p.state}`],
    payment_open: (p: Texts) => [`Payment open: ${p.client}`, `${p.amount} still open`],
    pack_expiring: (p: Texts) => [`${p.client}: pack ends ${p.expires}`, `${p.remaining} unit(s) unused in ${p.pack} — time to resell`],
    daily_agenda: (p: Texts) => [`Today: ${p.sessions} session(s)`, `First at ${p.when}`],
    message_received: (p: Texts) => [`Message from ${p.client}`, p.sentence],
  },
  de: {
    booking_new: (p: Texts) => [`Neue Buchung: ${p.client}`, `${p.offering}, ${p.when}${seriesNote(p)}`],
    booking_requested: (p: Texts) => [`Buchungsanfrage: ${p.client}`, `${p.offering}, ${p.when}${seriesNote(p)} — bitte bestätigen oder ablehnen`],
    booking_cancelled: (p: Texts) => [`Storniert: ${p.client}`, `${p.offering}, ${p.when} · ${p.cancellation}`],
    booking_moved: (p: Texts) => [`Verschoben: ${p.client}`, `${p.offering}: ${p.previous} → ${p.when}`],
    payment_received: (p: Texts) => [`Zahlung erhalten: ${p.client}`, `${p.amount}`],
    pack_low: (p: Texts) => [`${p.client} hat noch ${p.remaining} Einheit`, `${p.pack} — Zeit für ein neues Paket`],
    session_upcoming: (p: Texts) => [`${p.when}: ${p.client}`, `${p.offering} in ${p.location} · Zahlung: ${p.state}`],
    payment_open: (p: Texts) => [`Zahlung offen: ${p.client}`, `${p.amount} noch offen`],
    pack_expiring: (p: Texts) => [`${p.client}: Paket endet ${p.expires}`, `${p.remaining} Einheit(en) unbenutzt in ${p.pack} — Zeit für ein neues`],
    daily_agenda: (p: Texts) => [`Heute: ${p.sessions} Termin(e)`, `Erster um ${p.when}`],
    message_received: (p: Texts) => [`Nachricht von ${p.client}`, p.sentence],
  },
} satisfies Record<"en" | "de", Record<NotificationKind, (p: Texts) => string[]>>;

interface Texts {
  client: string;
  offering: string;
  when: string;
  previous: string;
  sentence: string;
  /** What a cancellation did, in words (or, for entries from before its facts were kept, the stored sentence). */
  cancellation: string;
  /** "3 weekly sessions" when the news is about a series, else empty. */
  series: string;
  amount: string;
  remaining: string;
  pack: string;
  location: string;
  state: string;
  expires: string;
  sessions: string;
}

/** A lead time in the language's units: 195 min → "3 h 15 min", "3 Std. 15 Min."; null once started. */
function leadTime(minutes: number | undefined, w: Words): string | null {
  if (minutes === undefined || minutes < 0) return null;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} ${w.minutes}`;
  return rest === 0 ? `${hours} ${w.hours}` : `${hours} ${w.hours} ${rest} ${w.minutes}`;
}

/**
 * What a cancellation did, from its facts: "cancelled 3 h before the start:
 * unit counts as used (late)", "storniert 3 Std. vor Beginn: Einheit als
 * genutzt gezählt (kurzfristig)"; for a series, how many sessions and what
 * the first one's cancellation did (the later ones are further ahead).
 * Entries written before the facts were kept carry only the English
 * sentence, which is shown as it is.
 */
function cancellationWords(p: NotificationParams, w: Words): string {
  if (!p.outcome) return p.sentence ?? "";
  const outcome = w.outcome[p.outcome] ?? p.outcome;
  const lead = p.by === "client" ? leadTime(p.minutesBefore, w) : null;
  if (p.sessions && p.sessions > 1) return w.seriesCancelled(p.sessions, lead, outcome);
  if (p.outcome === "released") return p.by === "coach" ? w.declined : w.withdrawn;
  return p.by === "coach" ? w.byCoach(outcome) : w.byClient(lead, outcome);
}

/**
 * Where a tap on the notification leads in the coach app (in the coach's
 * language): a message to its thread on the client's screen, news of a
 * client's packs or money to that client, sessions to Today.
 */
export function notificationLink(entry: Pick<OutboxEntry, "kind" | "params">, locale: "en" | "de"): string {
  const app = locale === "de" ? "/de/app" : "/app";
  const clientUid = entry.params.clientUid;
  if (!clientUid || !ABOUT_THE_CLIENT.has(entry.kind)) return `${app}#/today`;
  return `${app}#/clients/${clientUid}${entry.kind === "message_received" ? "/messages" : ""}`;
}

/** Notifications about a client's packs, money or messages; the others are about the day's sessions. */
const ABOUT_THE_CLIENT = new Set<NotificationKind>(["message_received", "pack_low", "pack_expiring", "payment_received", "payment_open"]);

/** Title and body in the coach's language, times in the coach's zone, money in the coach's currency. */
export function renderNotification(entry: Pick<OutboxEntry, "kind" | "params">, ctx: RenderContext): { title: string; body: string } {
  const intlLocale = ctx.locale === "de" ? "de-DE" : "en-GB";
  const when = (iso: string | undefined) =>
    iso
      ? DateTime.fromISO(iso, { zone: "utc" })
          .setZone(ctx.timeZone)
          .setLocale(intlLocale)
          .toFormat(ctx.locale === "de" ? "ccc d. LLL, HH:mm" : "ccc d LLL, HH:mm")
      : "";
  const format = new Intl.NumberFormat(intlLocale, { style: "currency", currency: ctx.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const money = (minor: number | undefined) => format.format((minor ?? 0) / 10 ** digits);
  const p = entry.params;
  const w = words[ctx.locale];
  const [title = "", body = ""] = texts[ctx.locale][entry.kind]({
    client: ctx.clientName,
    offering: ctx.offeringTitle,
    when: when(p.start),
    previous: when(p.previousStart),
    sentence: p.sentence ?? "",
    cancellation: entry.kind === "booking_cancelled" ? cancellationWords(p, w) : "",
    series: p.sessions && p.sessions > 1 ? w.series(p.sessions) : "",
    amount: money(p.amountMinor),
    remaining: String(p.remaining ?? ""),
    pack: p.packName ?? "",
    location: ctx.locationName,
    state: p.paymentState ?? "",
    expires: when(p.expiresAt),
    sessions: String(p.sessions ?? ""),
  });
  return { title, body };
}
