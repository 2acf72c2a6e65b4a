// What the booking page says about a session type before anybody books: the
// place with its street address and whether the coach confirms it.
import { describe, expect, it } from "vitest";
import { PublicCoach, toPublicCoach } from "../../functions/src/domain/public-coach.js";
import { DEMO, demoCoach, demoMatchPlay, demoOffering } from "../../scripts/demo-data.js";

describe("session types on the booking page", () => {
  const page = toPublicCoach({
    coachId: DEMO.coachId,
    coach: demoCoach,
    offerings: [
      { id: DEMO.offeringId, data: demoOffering },
      { id: DEMO.matchPlayId, data: demoMatchPlay },
    ],
    packTemplates: [],
    reviews: [],
  });
  const byId = (id: string) => page.offerings.find((o) => o.id === id)!;

  it("carry the place's street address and whether the coach confirms each booking", () => {
    expect(byId(DEMO.offeringId)).toMatchObject({
      locationName: "Court 3, TC Blau-Weiss",
      locationAddress: "Waldstraße 12, 10551 Berlin",
      coachConfirms: false,
    });
    expect(byId(DEMO.matchPlayId)).toMatchObject({ coachConfirms: true });
  });

  it("page data written before these facts still reads, without them", () => {
    const { locationAddress: _address, coachConfirms: _confirms, ...older } = byId(DEMO.offeringId);
    const parsed = PublicCoach.parse({ ...page, offerings: [older] });
    expect(parsed.offerings[0]).toMatchObject({ locationAddress: "", coachConfirms: false });
  });
});
