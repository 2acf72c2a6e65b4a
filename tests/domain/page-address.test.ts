// Which coach page an address asks for, and how coachPage answers it.
import { describe, expect, it } from "vitest";
import { answerPageAddress, parsePageAddress } from "../../functions/src/domain/page-address.js";

describe("parsePageAddress", () => {
  it("reads /{slug} and /{lang}/{slug}", () => {
    expect(parsePageAddress("/emma")).toEqual({ slug: "emma", lang: null });
    expect(parsePageAddress("/de/emma-weber")).toEqual({ slug: "emma-weber", lang: "de" });
  });
  it("refuses what cannot be a coach page", () => {
    for (const path of ["/", "/x", "/Emma", "/fr/emma", "/de/emma/more", "/emma/", "/_astro/a.js", "/emma--x", `/${"a".repeat(41)}`]) {
      expect(parsePageAddress(path), path).toBeNull();
    }
  });
});

describe("answerPageAddress", () => {
  const emma = { slug: "emma", locale: "en" as const };
  it("renders the coach's own language without a prefix and the other one with it", () => {
    expect(answerPageAddress({ slug: "emma", lang: null }, emma)).toEqual({ kind: "render", lang: "en" });
    expect(answerPageAddress({ slug: "emma", lang: "de" }, emma)).toEqual({ kind: "render", lang: "de" });
  });
  it("sends the own language's prefixed address to the plain one", () => {
    expect(answerPageAddress({ slug: "emma", lang: "en" }, emma)).toEqual({ kind: "moved", location: "/emma" });
  });
  it("sends an address the coach left to the same language at the current one", () => {
    const moved = { slug: "emma-tennis", locale: "en" as const };
    expect(answerPageAddress({ slug: "emma", lang: null }, moved)).toEqual({ kind: "moved", location: "/emma-tennis" });
    expect(answerPageAddress({ slug: "emma", lang: "de" }, moved)).toEqual({ kind: "moved", location: "/de/emma-tennis" });
  });
  it("has no page for an address nobody had", () => {
    expect(answerPageAddress({ slug: "nobody", lang: null }, null)).toEqual({ kind: "not_found" });
  });
});
