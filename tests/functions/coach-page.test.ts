// Coach pages are current without a publish step: a new coach's page answers
// at once (rendered on demand from the same Astro components), a saved change
// retires the stale static page within seconds, old and wrong addresses are
// sent on, and nothing but the public projection reaches a page.
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { publicCoachVersion } from "../../functions/src/domain/public-coach.js";
import { coachOwnerRef, coachRef, publicCoachesCol, slugRef } from "../../functions/src/shell/firestore/refs.js";
import { SITE } from "../support/browser.js";
import { otherCoach, waitFor } from "../support/coach-app.js";
import { DEMO, call, callFailing, freshDemoSignedIn, seedPackBooking } from "../support/emulators.js";

let emma: string;
beforeEach(async () => {
  ({ emma } = await freshDemoSignedIn());
});

/** The page at `path` as a visitor gets it (redirects not followed). */
async function visit(path: string): Promise<{ status: number; html: string; location: string | null; onDemand: boolean }> {
  const response = await fetch(`${SITE}${path}`, { redirect: "manual" });
  const onDemand = (response.headers.get("cache-control") ?? "").includes("s-maxage=");
  return { status: response.status, html: await response.text(), location: response.headers.get("location"), onDemand };
}

/** Otto's coach id (tests/support/coach-app.ts signs him up). */
const ottoCoachId = async () => (await coachOwnerRef("uid-otto").get()).data()?.coachId ?? "";
const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const version = (html: string) => /<meta name="solocoach:version" content="([^"]*)"/.exec(html)?.[1];

describe("a new coach", () => {
  it("has a page within 10 s of signing up, in both languages, rendered from their public data", async () => {
    await otherCoach();
    const signedUp = Date.now();
    const page = await waitFor(
      () => visit("/otto"),
      (answer) => answer.status === 200,
      "Otto's page",
    );
    expect(Date.now() - signedUp).toBeLessThan(10_000);
    expect(page.onDemand).toBe(true);
    expect(heading(page.html)).toBe("Otto Berg");
    const otto = (await publicCoachesCol().doc("otto").get()).data()!;
    expect(version(page.html)).toBe(publicCoachVersion(otto));
    expect(page.html).toContain('<html lang="en"');
    expect(page.html).toContain('hreflang="de"');

    const german = await visit("/de/otto");
    expect(german.status).toBe(200);
    expect(german.html).toContain('<html lang="de"');
    // The own language lives at /{slug} only.
    expect(await visit("/en/otto")).toMatchObject({ status: 301, location: "/otto" });
  });

  it("names the site build's own scripts and styles, so the booking panel works as on a static page", async () => {
    await otherCoach();
    const page = await waitFor(
      () => visit("/otto"),
      (answer) => answer.status === 200,
      "Otto's page",
    );
    const assets = [...page.html.matchAll(/(?:src|href)="(\/_astro\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.some((asset) => asset.includes("booking-panel"))).toBe(true);
    for (const asset of assets) expect((await fetch(`${SITE}${asset}`)).status, asset).toBe(200);
  });
});

describe("a saved change", () => {
  it("shows on the page without any publish step", async () => {
    expect((await visit(`/${DEMO.slug}`)).html).toContain("Cancel up to 24 hours before the start");
    await call("setCancellationPolicy", { coachId: DEMO.coachId, policy: { windowHours: 48, lateCancel: "count_as_used" } }, emma);
    const changedAt = Date.now();
    const after = await waitFor(
      () => visit(`/${DEMO.slug}`),
      (answer) => answer.html.includes("Cancel up to 48 hours before the start"),
      "the 48 h policy on the page",
    );
    console.log(`coach page: policy change visible after ${((Date.now() - changedAt) / 1000).toFixed(1)} s`);
    expect(after.onDemand).toBe(true);
    expect(after.html).not.toContain("Cancel up to 24 hours");
  });

  it("never carries client data: a booking and a client's name stay off the page", async () => {
    await seedPackBooking({ bookingId: "b-private", clientUid: DEMO.client.uid, packId: DEMO.packId, start: DateTime.utc().plus({ days: 3 }).startOf("hour") });
    await call("setCancellationPolicy", { coachId: DEMO.coachId, policy: { windowHours: 12, lateCancel: "credit" } }, emma);
    const page = await waitFor(
      () => visit(`/${DEMO.slug}`),
      (answer) => answer.html.includes("Cancel up to 12 hours"),
      "the changed page",
    );
    expect(page.html).not.toContain(DEMO.client.email);
    expect(page.html).not.toContain("Lena");
    expect(page.html).not.toContain(DEMO.client.uid);
  });
});

describe("a change of address", () => {
  it("sends the old address on (301) to the new one, keeps it for the coach, and lets them take it back", async () => {
    expect(await call("changeSlug", { coachId: DEMO.coachId, slug: "emma-weber" }, emma)).toEqual({ slug: "emma-weber" });
    const moved = await waitFor(
      () => visit(`/${DEMO.slug}`),
      (answer) => answer.status === 301,
      "the old address to answer 301",
    );
    expect(moved.location).toBe("/emma-weber");
    expect(await visit(`/de/${DEMO.slug}`)).toMatchObject({ status: 301, location: "/de/emma-weber" });
    const page = await visit("/emma-weber");
    expect(page.status).toBe(200);
    expect(heading(page.html)).toBe(DEMO.coach.name);
    expect((await publicCoachesCol().doc(DEMO.slug).get()).exists).toBe(false);

    // Nobody else may take the old address, by signing up or by moving.
    const otto = await otherCoach();
    expect((await callFailing("changeSlug", { coachId: await ottoCoachId(), slug: DEMO.slug }, otto)).reason).toBe("SLUG_TAKEN");
    expect(await call("checkSlug", { slug: DEMO.slug }, otto)).toMatchObject({ available: false, reason: "SLUG_TAKEN" });

    // The coach moves back: the page is at the first address again, the second one now sends on.
    await call("changeSlug", { coachId: DEMO.coachId, slug: DEMO.slug }, emma);
    await waitFor(
      () => visit(`/${DEMO.slug}`),
      (answer) => answer.status === 200,
      "the first address again",
    );
    expect(
      await waitFor(
        () => visit("/emma-weber"),
        (answer) => answer.status === 301,
        "the second address to send on",
      ),
    ).toMatchObject({
      location: `/${DEMO.slug}`,
    });
  });

  it("gives a free address to exactly one of two coaches moving to it at once", async () => {
    const otto = await otherCoach();
    const ottoId = await ottoCoachId();
    const answers = await Promise.allSettled([
      call("changeSlug", { coachId: DEMO.coachId, slug: "tennis-berlin" }, emma),
      call("changeSlug", { coachId: ottoId, slug: "tennis-berlin" }, otto),
    ]);
    const won = answers.filter((answer) => answer.status === "fulfilled");
    const lost = answers.flatMap((answer) => (answer.status === "rejected" ? [(answer.reason as { reason?: string }).reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toEqual(["SLUG_TAKEN"]);
    const holder = (await slugRef("tennis-berlin").get()).data()?.coachId;
    const owner = (await coachRef(holder ?? "").get()).data();
    expect(owner?.slug).toBe("tennis-berlin");
    expect((await publicCoachesCol().doc("tennis-berlin").get()).data()?.coachId).toBe(holder);
  });
});

describe("other addresses", () => {
  it("are not found when no coach has them, and the site's own pages stay static", async () => {
    expect((await visit("/nobody-here")).status).toBe(404);
    expect((await visit("/de/nobody-here")).status).toBe(404);
    expect((await visit("/x")).status).toBe(404);
    expect((await visit("/Emma")).status).toBe(404);
    const app = await visit("/app");
    expect(app).toMatchObject({ status: 200, onDemand: false });
    expect((await fetch(`${SITE}/emma`, { method: "POST" })).status).toBeGreaterThanOrEqual(400);
  });
});
