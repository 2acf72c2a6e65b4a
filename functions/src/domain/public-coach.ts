import * as z from "zod";
import { Coach, Currency, Location, Offering, PackTemplate, TimeZone, inCoachOrder, rulesFor } from "./coach.js";
import { Review, isPublic } from "./reviews.js";
import { onlinePayments } from "./stripe-account.js";

/** The most reviews the page data carries, newest first. */
export const PUBLIC_REVIEWS_MAX = 50;

/** A published review as anybody sees it: no email, no uid, the author as first name and initial. */
export const PublicReview = z.object({
  author: z.string(),
  rating: z.number().int().min(1).max(5),
  text: z.string(),
  reply: z.string().nullable(),
  /** The day the client wrote it, in the coach's zone ("2026-11-23"). */
  date: z.string(),
});
export type PublicReview = z.infer<typeof PublicReview>;

/**
 * What anybody may see of a coach: the data of the static booking page.
 * It never holds client data; the site validates it with this schema at build.
 */
export const PublicCoach = z.object({
  coachId: z.string().min(1),
  slug: z.string().min(1),
  name: z.string().min(1),
  photoUrl: z.string(),
  bio: z.string(),
  discipline: z.string(),
  timeZone: TimeZone,
  currency: Currency,
  locale: z.enum(["en", "de"]),
  locations: z.array(Location),
  offerings: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      durationMinutes: z.number().int().positive(),
      priceMinor: z.number().int().min(0),
      extraFeeMinor: z.number().int().min(0),
      locationName: z.string(),
      /** The place's street address ("" when the coach gave none). */
      locationAddress: z.string().default(""),
      packEligible: z.boolean(),
      /** The coach confirms each booking of this type before it counts (it is a request until then). */
      coachConfirms: z.boolean().default(false),
      /** How many days ahead clients may book it (page data written before: 14, what the page showed then). */
      horizonDays: z.number().int().positive().default(14),
    }),
  ),
  packs: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      units: z.number().int().positive(),
      priceMinor: z.number().int().min(0),
      validityMonths: z.number().int().positive(),
      /** The session types a unit pays for, by title; empty: every one a pack unit can pay for. */
      covers: z.array(z.string()).default([]),
    }),
  ),
  /** The cancellation policy, for the page to say in plain words. */
  policy: z.object({
    windowHours: z.number().int().min(0),
    lateCancel: z.enum(["count_as_used", "credit"]),
    /** The coach's own reasons for waiving a late cancellation (e.g. "court closed (weather)"), as the page names them. */
    waivers: z.array(z.string()).default([]),
  }),
  /** Published reviews, newest first; pages written before reviews existed have none. */
  reviews: z.array(PublicReview).default([]),
  /** Clients may pay online: the coach's Stripe account can take charges now. */
  onlinePayment: z.boolean().default(false),
});
export type PublicCoach = z.infer<typeof PublicCoach>;

/** The languages of the public pages. */
export type PageLang = PublicCoach["locale"];

/** A coach page in a language: the coach's own at /{slug}, the other at /{lang}/{slug}. */
export function coachLanguagePath(lang: PageLang, coach: { slug: string; locale: PageLang }): string {
  return lang === coach.locale ? `/${coach.slug}` : `/${lang}/${coach.slug}`;
}

/**
 * The reviews the page shows: published ones whose author consented (a
 * review without consent never reaches the page, whatever its flag says),
 * newest first.
 */
export function publicReviews(reviews: Review[], timeZone: string): PublicReview[] {
  return reviews
    .flatMap((review) => (isPublic(review) && review.submission ? [{ review, submission: review.submission }] : []))
    .sort((a, b) => b.submission.at.toMillis() - a.submission.at.toMillis())
    .slice(0, PUBLIC_REVIEWS_MAX)
    .map(({ review, submission }) => ({
      author: submission.author,
      rating: submission.rating,
      text: submission.text,
      reply: review.reply?.text ?? null,
      date: submission.at.setZone(timeZone).toISODate() ?? "",
    }));
}

/** Projects a coach, their catalogue and their published reviews onto the public page data. */
export function toPublicCoach(args: {
  coachId: string;
  coach: Coach;
  offerings: { id: string; data: Offering }[];
  packTemplates: { id: string; data: PackTemplate }[];
  reviews: Review[];
}): PublicCoach {
  const { coach } = args;
  const location = (id: string) => coach.locations.find((l) => l.id === id);
  return {
    coachId: args.coachId,
    slug: coach.slug,
    name: coach.name,
    photoUrl: coach.photoUrl,
    bio: coach.bio,
    discipline: coach.discipline,
    timeZone: coach.timeZone,
    currency: coach.currency,
    locale: coach.locale,
    locations: coach.locations,
    offerings: inCoachOrder(args.offerings.filter(({ data }) => data.bookableOnline)).map(({ id, data }) => ({
      id,
      title: data.title,
      durationMinutes: data.durationMinutes,
      priceMinor: data.priceMinor,
      extraFeeMinor: data.extraFeeMinor,
      locationName: location(data.locationId)?.name ?? "",
      locationAddress: location(data.locationId)?.address ?? "",
      packEligible: data.packEligible,
      coachConfirms: rulesFor(coach, data).confirmation === "coach",
      horizonDays: rulesFor(coach, data).horizonDays,
    })),
    policy: {
      windowHours: coach.cancellationPolicy.windowHours,
      lateCancel: coach.cancellationPolicy.lateCancel,
      waivers: coach.cancellationPolicy.waiverReasons.map((reason) => reason.label),
    },
    packs: args.packTemplates.map(({ id, data }) => ({
      id,
      name: data.name,
      units: data.units,
      priceMinor: data.priceMinor,
      validityMonths: data.validityMonths,
      covers: args.offerings.filter((o) => data.eligibleOfferingIds.includes(o.id)).map((o) => o.data.title),
    })),
    reviews: publicReviews(args.reviews, coach.timeZone),
    onlinePayment: onlinePayments(coach.stripeAccount) === "ready",
  };
}

/**
 * A short fingerprint of what a coach's page shows (cyrb53 of the parsed
 * projection as JSON): the page carries it, so a page that no longer matches
 * its coach's data is recognised without rendering it again.
 */
export function publicCoachVersion(coach: PublicCoach): string {
  const text = JSON.stringify(coach);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
