// The sign-up wizard's defaults from what the browser says.
import { describe, expect, it } from "vitest";
import { defaultCurrency, defaultWaivers } from "../../site/src/app/views/onboarding-defaults.js";
import { WaiverReason } from "../../functions/src/domain/coach.js";

describe("defaultCurrency", () => {
  it("is the currency of the first browser language that names a known region", () => {
    expect(defaultCurrency(["en-GB", "en"])).toBe("GBP");
    expect(defaultCurrency(["de-AT"])).toBe("EUR");
    expect(defaultCurrency(["de-CH", "de"])).toBe("CHF");
    expect(defaultCurrency(["en", "en-US"])).toBe("USD");
    expect(defaultCurrency(["sr-Latn-RS", "fr-FR"])).toBe("EUR");
  });
  it("falls back to EUR when no language names a known region", () => {
    expect(defaultCurrency([])).toBe("EUR");
    expect(defaultCurrency(["de", "zz-QQ"])).toBe("EUR");
  });
});

describe("defaultWaivers", () => {
  it("gives the same reason ids in both languages, each a valid waiver reason", () => {
    const en = defaultWaivers("en");
    const de = defaultWaivers("de");
    expect(de.map((reason) => reason.id)).toEqual(en.map((reason) => reason.id));
    for (const reason of [...en, ...de]) expect(WaiverReason.safeParse(reason).success).toBe(true);
  });
});
