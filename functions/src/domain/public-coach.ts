import { z } from "zod";
import { Coach, Currency, Location, Offering, PackTemplate, TimeZone } from "./coach.js";

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
      packEligible: z.boolean(),
    }),
  ),
  packs: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      units: z.number().int().positive(),
      priceMinor: z.number().int().min(0),
      validityMonths: z.number().int().positive(),
    }),
  ),
  /** The cancellation policy, for the page to say in plain words. */
  policy: z.object({ windowHours: z.number().int().min(0), lateCancel: z.enum(["count_as_used", "credit"]) }),
});
export type PublicCoach = z.infer<typeof PublicCoach>;

/** Projects a coach and their catalogue onto the public page data. */
export function toPublicCoach(args: {
  coachId: string;
  coach: Coach;
  offerings: { id: string; data: Offering }[];
  packTemplates: { id: string; data: PackTemplate }[];
}): PublicCoach {
  const { coach } = args;
  const locationName = (id: string) => coach.locations.find((l) => l.id === id)?.name ?? "";
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
    offerings: args.offerings
      .filter(({ data }) => data.bookableOnline)
      .sort((a, b) => a.data.durationMinutes - b.data.durationMinutes || a.data.title.localeCompare(b.data.title))
      .map(({ id, data }) => ({
        id,
        title: data.title,
        durationMinutes: data.durationMinutes,
        priceMinor: data.priceMinor,
        extraFeeMinor: data.extraFeeMinor,
        locationName: locationName(data.locationId),
        packEligible: data.packEligible,
      })),
    policy: { windowHours: coach.cancellationPolicy.windowHours, lateCancel: coach.cancellationPolicy.lateCancel },
    packs: args.packTemplates.map(({ id, data }) => ({
      id,
      name: data.name,
      units: data.units,
      priceMinor: data.priceMinor,
      validityMonths: data.validityMonths,
    })),
  };
}
