import { Info } from "luxon";
import { z } from "zod";
import { CancellationPolicy } from "./policy.js";
import { TimeOfDay, minutesOfDay } from "./time.js";

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
export const TimeZone = z.string().refine((zone) => Info.isValidIANAZone(zone), "unknown IANA time zone");

/** An ISO 4217 currency code, e.g. "EUR". */
export const Currency = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code");

/** One opening interval of a weekday, e.g. 08:00–12:00. */
export const HoursInterval = z
  .object({ from: TimeOfDay, to: TimeOfDay })
  .refine((i) => minutesOfDay(i.from) < minutesOfDay(i.to), "from must be before to");
export type HoursInterval = z.infer<typeof HoursInterval>;

/** ISO weekdays, Monday = 1. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Weekly opening hours in the coach's zone: several intervals per weekday. */
export const WeeklyHours = z.object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(HoursInterval).default([])])) as Record<
    Weekday,
    z.ZodDefault<z.ZodArray<typeof HoursInterval>>
  >,
);
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** How clients may book: grid, buffer, notice and horizon. */
export const BookingRules = z.object({
  slotStepMinutes: gridMinutes(24 * 60).refine((m) => m > 0, "must be positive").default(60),
  bufferMinutes: gridMinutes(240).default(0),
  minNoticeMinutes: z.number().int().min(0).max(60 * 24 * 30).default(12 * 60),
  horizonDays: z.number().int().min(1).max(365).default(60),
});
export type BookingRules = z.infer<typeof BookingRules>;

/** A place where sessions happen, e.g. "Court 3, TC Blau-Weiss". */
export const Location = z.object({ id: z.string().min(1), name: z.string().min(1), address: z.string().default("") });
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
  bookingRules: BookingRules,
  cancellationPolicy: CancellationPolicy.prefault({}),
});
export type Coach = z.infer<typeof Coach>;

/** A session type the coach sells, priced in integer minor units. */
export const Offering = z.object({
  title: z.string().min(1),
  durationMinutes: gridMinutes(12 * 60).refine((m) => m > 0, "must be positive"),
  priceMinor: z.number().int().min(0),
  extraFeeMinor: z.number().int().min(0).default(0),
  locationId: z.string().min(1),
  packEligible: z.boolean().default(true),
  bookableOnline: z.boolean().default(true),
});
export type Offering = z.infer<typeof Offering>;

/** What a pack of sessions costs and how long it lasts once bought. */
export const PackTemplate = z.object({
  name: z.string().min(1),
  units: z.number().int().min(1).max(100),
  priceMinor: z.number().int().min(0),
  validityMonths: z.number().int().min(1).max(36),
  transferable: z.boolean().default(false),
  /** Offering ids a unit can pay for; empty means every pack-eligible offering. */
  eligibleOfferingIds: z.array(z.string()).default([]),
});
export type PackTemplate = z.infer<typeof PackTemplate>;
