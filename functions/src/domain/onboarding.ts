import * as z from "zod";
import { BookingRules, CancellationPolicy, Coach, Currency, Offering, PackTemplate, TimeZone, WeeklyHours } from "./coach.js";
import { DomainError } from "./errors.js";
import { Result, fail, ok } from "./result.js";

/**
 * Signing up as a coach (createCoach): the wizard's answers, with defaults a
 * coach can accept as they are, become the coach document, a first location,
 * session type and (optionally) pack, and the public address (slug).
 */

/** A public address: lower-case letters and digits, single hyphens between, 3–40 characters. */
export const Slug = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens");

/** Addresses the site uses itself, or that would mislead clients: never a coach's. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "app",
  "portal",
  "de",
  "en",
  "api",
  "admin",
  "_astro",
  "index",
  "404",
  "500",
  "sw",
  "manifest",
  "icons",
  "favicon",
  "assets",
  "static",
  "www",
  "help",
  "support",
  "login",
  "signin",
  "signup",
  "sign-in",
  "sign-up",
  "start",
  "new",
  "settings",
  "account",
  "billing",
  "pricing",
  "about",
  "terms",
  "privacy",
  "legal",
  "imprint",
  "impressum",
  "contact",
  "solocoach",
  "coach",
  "coaches",
  "client",
  "clients",
  "book",
  "booking",
  "checkout",
  "stripe",
  "webhook",
  "calendar",
]);

/** A slug the wizard proposes from a name: "Jörg Müller-Lüdenscheidt" → "jorg-muller-ludenscheidt". */
export function suggestSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return base.length >= 3 ? base : `${base || "coach"}-page`.slice(0, 40);
}

/** Whether a well-formed slug may be taken by a new coach (taken ones are known only to the database). */
export function slugRefusal(slug: string): "SLUG_RESERVED" | null {
  return RESERVED_SLUGS.has(slug) ? "SLUG_RESERVED" : null;
}

/** Monday to Friday, 09:00–17:00. */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = WeeklyHours.parse(
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [{ from: "09:00", to: "17:00" }]])),
);

/** What the wizard sends; everything but who the coach is and their first session type has a default. */
export const CoachSetup = z.object({
  name: z.string().trim().min(1).max(100),
  discipline: z.string().trim().min(1).max(60),
  slug: Slug,
  timeZone: TimeZone,
  currency: Currency,
  locale: z.enum(["en", "de"]).default("en"),
  location: z.object({ name: z.string().trim().min(1).max(100), address: z.string().trim().max(200).default("") }),
  offering: Offering.pick({ title: true, durationMinutes: true, priceMinor: true }),
  weeklyHours: WeeklyHours.default(DEFAULT_WEEKLY_HOURS),
  policy: CancellationPolicy.prefault({}),
  pack: PackTemplate.pick({ name: true, units: true, priceMinor: true, validityMonths: true }).nullable().default(null),
});
export type CoachSetup = z.infer<typeof CoachSetup>;

/** The documents a new coach starts with. */
export interface NewCoach {
  coach: Coach;
  offering: { id: string; data: Offering };
  packTemplate: { id: string; data: PackTemplate } | null;
}

/** Ids of the first location, session type and pack. */
export const FIRST = { locationId: "main", offeringId: "first-session", packTemplateId: "first-pack" } as const;

/** The coach's first documents from the wizard's answers; refuses reserved slugs. */
export function decideNewCoach(setup: CoachSetup, ownerUid: string): Result<NewCoach, DomainError> {
  const refusal = slugRefusal(setup.slug);
  if (refusal) return fail({ code: refusal });
  const coach = Coach.parse({
    ownerUid,
    slug: setup.slug,
    name: setup.name,
    discipline: setup.discipline,
    timeZone: setup.timeZone,
    currency: setup.currency,
    locale: setup.locale,
    locations: [{ id: FIRST.locationId, name: setup.location.name, address: setup.location.address }],
    weeklyHours: setup.weeklyHours,
    bookingRules: BookingRules.parse({}),
    cancellationPolicy: setup.policy,
  });
  const offering = Offering.parse({ ...setup.offering, locationId: FIRST.locationId });
  const packTemplate = setup.pack ? { id: FIRST.packTemplateId, data: PackTemplate.parse(setup.pack) } : null;
  return ok({ coach, offering: { id: FIRST.offeringId, data: offering }, packTemplate });
}

/**
 * A coach moves their page to another address (changeSlug). Reserved words
 * are refused; an address another coach holds (now or before) is taken; the
 * coach's own earlier addresses stay theirs and may be taken back.
 */
export function decideSlugChange(args: {
  coachId: string;
  currentSlug: string;
  slug: string;
  holder: string | null;
}): Result<"unchanged" | "changed", DomainError> {
  if (args.slug === args.currentSlug) return ok("unchanged");
  const refusal = slugRefusal(args.slug);
  if (refusal) return fail({ code: refusal });
  if (args.holder !== null && args.holder !== args.coachId) return fail({ code: "SLUG_TAKEN" });
  return ok("changed");
}
