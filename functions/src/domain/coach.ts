import { Info } from "luxon";
import * as z from "zod";
import { InvoiceSettings } from "./invoices.js";
import { DomainError } from "./errors.js";
import { DocId } from "./ids.js";
import { NotificationSettings } from "./notifications.js";
import { Result, fail, ok } from "./result.js";
import { TimeOfDay, minutesOfDay } from "./time.js";
import { StripeAccount } from "./stripe-account.js";

/** A reason the coach may give for waiving a late cancellation or a no-show. */
export const WaiverReason = z.object({ id: z.string().regex(/^[a-z][a-z_]{1,30}$/), label: z.string().min(1).max(60) });
export type WaiverReason = z.infer<typeof WaiverReason>;

/** The seed's defaults: weather and a closed court are the classic waivers. */
export const DEFAULT_WAIVER_REASONS: WaiverReason[] = [
  { id: "weather", label: "court closed (weather)" },
  { id: "court_closed", label: "court closed" },
  { id: "illness", label: "illness" },
];

/**
 * A coach's cancellation policy. Defaults from the seed: 24 h window; a late
 * cancellation and a no-show count as used; coach cancellations always credit.
 */
export const CancellationPolicy = z.object({
  windowHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .default(24),
  lateCancel: z.enum(["count_as_used", "credit"]).default("count_as_used"),
  waiverReasons: z.array(WaiverReason).max(20).default(DEFAULT_WAIVER_REASONS),
});
export type CancellationPolicy = z.infer<typeof CancellationPolicy>;

/** All bookable times sit on a 5-minute grid; durations, steps and buffers too. */
export const GRID_MINUTES = 5;

const gridMinutes = (max: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(max)
    .refine((m) => m % GRID_MINUTES === 0, `must be a multiple of ${GRID_MINUTES} minutes`);

/** An IANA zone luxon knows, e.g. "Europe/Berlin". */
export const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => Info.isValidIANAZone(zone), "unknown IANA time zone");

/** An ISO 4217 currency code, e.g. "EUR". */
export const Currency = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code");

/** One opening interval of a weekday, e.g. 08:00–12:00. */
export const HoursInterval = z.object({ from: TimeOfDay, to: TimeOfDay }).refine((i) => minutesOfDay(i.from) < minutesOfDay(i.to), "from must be before to");
export type HoursInterval = z.infer<typeof HoursInterval>;

/** ISO weekdays, Monday = 1. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Weekly opening hours in the coach's zone: several intervals per weekday. */
const DayHours = z
  .array(HoursInterval)
  .max(8)
  .refine((intervals) => {
    const sorted = [...intervals].sort((a, b) => minutesOfDay(a.from) - minutesOfDay(b.from));
    return sorted.every((interval, i) => i === 0 || minutesOfDay(sorted[i - 1]!.to) <= minutesOfDay(interval.from));
  }, "intervals of a day must not overlap");

export const WeeklyHours = z.object({
  mon: DayHours.default([]),
  tue: DayHours.default([]),
  wed: DayHours.default([]),
  thu: DayHours.default([]),
  fri: DayHours.default([]),
  sat: DayHours.default([]),
  sun: DayHours.default([]),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

const ruleFields = {
  slotStepMinutes: gridMinutes(24 * 60).refine((m) => m > 0, "must be positive"),
  bufferMinutes: gridMinutes(240),
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30),
  horizonDays: z.number().int().min(1).max(365),
  /** "instant": booked = confirmed; "coach": requested until the coach confirms (unit spent then). */
  confirmation: z.enum(["instant", "coach"]),
};

/** How clients may book: grid, buffer, notice, horizon and confirmation (per coach). */
export const BookingRules = z.object({
  slotStepMinutes: ruleFields.slotStepMinutes.default(60),
  bufferMinutes: ruleFields.bufferMinutes.default(0),
  minNoticeMinutes: ruleFields.minNoticeMinutes.default(12 * 60),
  horizonDays: ruleFields.horizonDays.default(60),
  confirmation: ruleFields.confirmation.default("instant"),
});
export type BookingRules = z.infer<typeof BookingRules>;

/** Rules an offering sets for itself, overriding the coach's (e.g. a longer buffer after a 90-min session). */
export const BookingRulesOverride = z.object(ruleFields).partial();
export type BookingRulesOverride = z.infer<typeof BookingRulesOverride>;

/** A calendar date, "2026-12-24". */
export const IsoDate = z.iso.date();

/** A date whose hours replace the weekday's (extra hours, shorter day; no hours = closed). */
export const DateOverride = z.object({ date: IsoDate, hours: z.array(HoursInterval).max(8) });
export type DateOverride = z.infer<typeof DateOverride>;

/** Time off from one date to another, both included (holidays, vacation). */
export const TimeOff = z
  .object({ from: IsoDate, to: IsoDate, label: z.string().max(60).default("") })
  .refine((t) => t.from <= t.to, "from must not be after to");
export type TimeOff = z.infer<typeof TimeOff>;

/** When the coach works: weekly hours, date overrides and time off, in the coach's zone. */
export interface Availability {
  weeklyHours: WeeklyHours;
  dateOverrides: DateOverride[];
  timeOff: TimeOff[];
}

/** A place where sessions happen, e.g. "Court 3, TC Blau-Weiss". */
export const Location = z.object({ id: DocId, name: z.string().min(1).max(100), address: z.string().max(200).default("") });
export type Location = z.infer<typeof Location>;

/** The coach document (private: owner and public fields). */
export const Coach = z.object({
  ownerUid: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/),
  name: z.string().min(1),
  photoUrl: z.string().default(""),
  bio: z.string().default(""),
  discipline: z.string().min(1),
  timeZone: TimeZone,
  currency: Currency,
  locale: z.enum(["en", "de"]).default("en"),
  locations: z.array(Location).default([]),
  weeklyHours: WeeklyHours,
  dateOverrides: z.array(DateOverride).max(400).default([]),
  timeOff: z.array(TimeOff).max(200).default([]),
  bookingRules: BookingRules.prefault({}),
  cancellationPolicy: CancellationPolicy.prefault({}),
  notifications: NotificationSettings.prefault({}),
  /** The private calendar feed: only a hash of its secret token is kept; null = off. */
  calendarFeed: z
    .object({ tokenHash: z.string().min(32) })
    .nullable()
    .default(null),
  /** The coach's own Stripe account for online payments; null until they connect one. */
  stripeAccount: StripeAccount.nullable().default(null),
  /** How the coach invoices; null until set up: no invoices, receipts or credit notes are issued before. */
  invoicing: InvoiceSettings.nullable().default(null),
});
export type Coach = z.infer<typeof Coach>;

/** A session type the coach sells, priced in integer minor units. */
export const Offering = z.object({
  title: z.string().min(1).max(100),
  durationMinutes: gridMinutes(12 * 60).refine((m) => m > 0, "must be positive"),
  priceMinor: z.number().int().min(0),
  extraFeeMinor: z.number().int().min(0).default(0),
  locationId: DocId,
  packEligible: z.boolean().default(true),
  bookableOnline: z.boolean().default(true),
  rules: BookingRulesOverride.default({}),
  /** Where the coach put it in their list (0 first); types never placed follow, shortest first. */
  position: z.number().int().min(0).max(99).optional(),
});
export type Offering = z.infer<typeof Offering>;

/** Session types in the coach's order: placed ones by position, then the others by duration and title. */
export function inCoachOrder<T extends { data: Pick<Offering, "position" | "durationMinutes" | "title"> }>(offerings: T[]): T[] {
  const rank = (o: T) => o.data.position ?? Number.MAX_SAFE_INTEGER;
  return [...offerings].sort((a, b) => rank(a) - rank(b) || a.data.durationMinutes - b.data.durationMinutes || a.data.title.localeCompare(b.data.title));
}

/** The rules that apply to one offering: the coach's, overridden by the offering's own. */
export function rulesFor(coach: Coach, offering: Offering): BookingRules {
  return { ...coach.bookingRules, ...offering.rules };
}

/** The availability part of a coach. */
export const availabilityOf = (coach: Coach): Availability => ({ weeklyHours: coach.weeklyHours, dateOverrides: coach.dateOverrides, timeOff: coach.timeOff });

/** What a pack of sessions costs and how long it lasts once bought. */
export const PackTemplate = z.object({
  name: z.string().min(1).max(100),
  units: z.number().int().min(1).max(100),
  priceMinor: z.number().int().min(0),
  validityMonths: z.number().int().min(1).max(36),
  transferable: z.boolean().default(false),
  /** Offering ids a unit can pay for; empty means every pack-eligible offering. */
  eligibleOfferingIds: z.array(DocId).max(50).default([]),
});
export type PackTemplate = z.infer<typeof PackTemplate>;

/** What the coach edits about themselves (saveProfile); slug, zone and currency stay as set up. */
export const Profile = z.object({
  name: z.string().trim().min(1).max(100),
  bio: z.string().trim().max(2000).default(""),
  discipline: z.string().trim().min(1).max(60),
  /** A public https URL, or "" for none. */
  photoUrl: z.union([z.literal(""), z.url({ protocol: /^https$/ }).max(2000)]).default(""),
  locations: z
    .array(Location)
    .max(20)
    .refine((locations) => new Set(locations.map((l) => l.id)).size === locations.length, "location ids must be unique"),
  locale: z.enum(["en", "de"]),
});
export type Profile = z.infer<typeof Profile>;

/**
 * The coach with a new profile. A location that a session type still takes
 * place at cannot be removed (LOCATION_IN_USE names it and its offerings):
 * move or delete those offerings first.
 */
export function decideProfile(args: {
  coach: Coach;
  profile: Profile;
  offerings: { id: string; data: Pick<Offering, "locationId"> }[];
}): Result<Coach, DomainError> {
  const kept = new Set(args.profile.locations.map((l) => l.id));
  const orphaned = args.offerings.filter((o) => !kept.has(o.data.locationId));
  const [first] = orphaned;
  if (first) {
    const locationId = first.data.locationId;
    return fail({
      code: "LOCATION_IN_USE",
      locationId,
      offeringIds: orphaned
        .filter((o) => o.data.locationId === locationId)
        .map((o) => o.id)
        .sort(),
    });
  }
  return ok({ ...args.coach, ...args.profile });
}
