// Signing up as a coach, pure: the address proposed from a name, which
// addresses are refused, and the documents a new coach starts with.
import { describe, expect, it } from "vitest";
import { NEW_COACH_ANSWERS } from "../support/samples.js";
import { CoachSetup, DEFAULT_WEEKLY_HOURS, FIRST, Slug, decideNewCoach, decideSlugChange, suggestSlug } from "../../functions/src/domain/onboarding.js";

const setup = (slug: string) => CoachSetup.parse({ ...NEW_COACH_ANSWERS, slug });

describe("the public address", () => {
  it.each([
    ["Jörg Müller-Lüdenscheidt", "jorg-muller-ludenscheidt"],
    ["  Anna  & Co. Tennis ", "anna-co-tennis"],
    ["Weiß", "weiss"],
    ["Al", "al-page"],
    ["李", "coach-page"],
    ["x".repeat(60), "x".repeat(40)],
  ])("is suggested from %j as %j, and the suggestion is valid", (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
    expect(Slug.safeParse(suggestSlug(name)).success).toBe(true);
  });

  it.each(["de", "en", "ab", "-ana", "ana-", "an--a", "Ana", "ana_silva", "anä", "a".repeat(41)])("refuses %j", (slug) =>
    expect(Slug.safeParse(slug).success).toBe(false),
  );
});

describe("a new coach", () => {
  it("starts with the wizard's answers and sensible defaults: Mon–Fri 09:00–17:00, a 24 h window that counts late cancellations as used", () => {
    const decided = decideNewCoach(setup("ana-silva"), "uid-ana");
    if (!decided.ok) throw new Error(decided.error.code);
    const { coach, offering, packTemplate } = decided.value;
    expect(coach).toMatchObject({ ownerUid: "uid-ana", slug: "ana-silva", timeZone: "Europe/London", currency: "GBP", locale: "en" });
    expect(coach.weeklyHours).toEqual(DEFAULT_WEEKLY_HOURS);
    expect(coach.weeklyHours.mon).toEqual([{ from: "09:00", to: "17:00" }]);
    expect(coach.weeklyHours.sat).toEqual([]);
    expect(coach.cancellationPolicy).toMatchObject({ windowHours: 24, lateCancel: "count_as_used" });
    expect(coach.cancellationPolicy.waiverReasons.length).toBeGreaterThan(0);
    expect(coach.locations).toEqual([{ id: FIRST.locationId, name: "Hyde Park gym", address: "" }]);
    expect(offering).toMatchObject({
      id: FIRST.offeringId,
      data: { title: "Personal training (45 min)", durationMinutes: 45, priceMinor: 5500, locationId: FIRST.locationId },
    });
    expect(packTemplate).toBeNull();
  });

  it.each(["app", "portal", "api", "admin", "sign-up"])("may not take the site's own address %j (SLUG_RESERVED)", (slug) => {
    expect(decideNewCoach(setup(slug), "uid-ana")).toEqual({ ok: false, error: { code: "SLUG_RESERVED" } });
  });
});

describe("a change of address", () => {
  const change = (slug: string, holder: string | null) => decideSlugChange({ coachId: "coach-1", currentSlug: "ana-silva", slug, holder });
  it("moves to a free address, or back to one of the coach's own earlier ones", () => {
    expect(change("ana-silva-yoga", null)).toEqual({ ok: true, value: "changed" });
    expect(change("ana-old", "coach-1")).toEqual({ ok: true, value: "changed" });
  });
  it("is nothing to do for the current address", () => {
    expect(change("ana-silva", "coach-1")).toEqual({ ok: true, value: "unchanged" });
  });
  it("refuses another coach's address, now or earlier held, and reserved words", () => {
    expect(change("emma", "coach-emma")).toEqual({ ok: false, error: { code: "SLUG_TAKEN" } });
    expect(change("portal", null)).toEqual({ ok: false, error: { code: "SLUG_RESERVED" } });
  });
});
