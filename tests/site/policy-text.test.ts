// The cancellation policy as the booking page says it: the coach's own window
// and waiver reasons, never another discipline's example.
import { describe, expect, it } from "vitest";
import { toPublicCoach } from "../../functions/src/domain/public-coach.js";
import { de } from "../../site/src/i18n/de.js";
import { en } from "../../site/src/i18n/en.js";
import { SECOND_COACH } from "../../scripts/demo-data.js";
import { decideNewCoach } from "../../functions/src/domain/onboarding.js";

describe("the policy text", () => {
  it("names the coach's waiver reasons, in both languages", () => {
    expect(en.policy(48, "count_as_used", ["illness", "gym closed"])).toContain("for a reason such as illness, gym closed");
    expect(en.policy(48, "count_as_used", ["illness"])).toMatch(/^Cancel up to 48 hours before/);
    expect(de.policy(48, "count_as_used", ["Krankheit"])).toContain("aus einem Grund wie Krankheit");
  });

  it("promises no waiver when the coach has no waiver reasons, and none is needed when late cancellations are credited", () => {
    expect(en.policy(24, "count_as_used", [])).toContain("If the coach cancels, you get the unit back.");
    expect(en.policy(24, "count_as_used", [])).not.toContain("waives");
    expect(en.policy(24, "credit", ["illness"])).not.toContain("illness");
  });

  it("comes from the coach's policy in the public page data", () => {
    const decided = decideNewCoach(
      { ...SECOND_COACH.setup, policy: { ...SECOND_COACH.setup.policy, waiverReasons: [{ id: "gym_closed", label: "gym closed" }] } },
      "uid-tom",
    );
    if (!decided.ok) throw new Error(decided.error.code);
    const page = toPublicCoach({ coachId: "coach-tom", coach: decided.value.coach, offerings: [], packTemplates: [], reviews: [] });
    expect(page.policy).toEqual({ windowHours: 24, lateCancel: "count_as_used", waivers: ["gym closed"] });
    expect(en.policy(page.policy.windowHours, page.policy.lateCancel, page.policy.waivers)).not.toContain("court");
  });
});
