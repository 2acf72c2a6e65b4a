// The coach app's Today screen in Chromium at phone width, against the
// emulators: the live agenda, every session action (confirm a request, mark
// completed, no-show and waive, cancel after the preview, reschedule), a
// booking appearing without reload, cancelling a session of a weekly series
// with every later one, the installed app working offline, and German. Also
// the screen's pure agenda rules.
import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bookingsCol, ledgerCol, packsCol } from "../../functions/src/shell/firestore/refs.js";
import { actionsFor, agenda, dateIn, sessionFrom, type Session } from "../../site/src/app/views/today-data.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, phonePage, shot, signedInPage } from "../support/browser.js";
import { pastSession, waitFor } from "../support/coach-app.js";
import { DEMO, call, demoSlots, freshDemoSignedIn } from "../support/emulators.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Lena's bookings: a match-play request, a lesson in 2+ days, two sessions that started 2 and 4 hours ago. */
const ids = { request: "", future: "", pastDone: "past-done", pastMissed: "past-missed" };
let lena = "";
let emma = "";
let doneStart: DateTime = DateTime.utc();
let missedStart: DateTime = DateTime.utc();

/**
 * Whether a session started on an earlier day than today in the coach's zone
 * (Berlin): settled, it leaves the agenda; today's stays, settled. Right after
 * midnight in Berlin the sessions of 2 and 4 hours ago are yesterday's.
 */
const ofAnEarlierDay = (start: DateTime) => start.setZone("Europe/Berlin") < DateTime.utc().setZone("Europe/Berlin").startOf("day");

/** A free start of an offering at least `hours` ahead. */
async function slotOf(offeringId: string, hours: number): Promise<string> {
  const { slots } = await call("listSlots", { coachId: DEMO.coachId, offeringId, from: DateTime.utc().plus({ hours }).toISO(), days: 14 });
  const slot = slots[0];
  if (!slot) throw new Error(`no free slot for ${offeringId}`);
  return slot.start;
}

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
  const futureStart = (await demoSlots()).find((slot) => DateTime.fromISO(slot) > DateTime.utc().plus({ hours: 50 }))!;
  ids.future = (
    await call("bookSlot", { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start: futureStart, payWith: "pack" }, lena)
  ).bookingId;
  const requested = await call(
    "bookSlot",
    {
      requestId: randomUUID(),
      coachId: DEMO.coachId,
      offeringId: DEMO.matchPlayId,
      start: await slotOf(DEMO.matchPlayId, 80),
      payWith: "pack",
      note: "Bring new balls?",
    },
    lena,
  );
  expect(requested.status).toBe("requested");
  ids.request = requested.bookingId;
  doneStart = await pastSession(ids.pastDone, 2);
  missedStart = await pastSession(ids.pastMissed, 4);
});

/** Signs in as the coach through the app's own form (English or German labels). */
async function signInToApp(page: Page, path = "/app#/today"): Promise<void> {
  await page.goto(`${SITE}${path}`);
  const form = page.locator("sign-in-form:visible");
  await form.locator("summary").click();
  await form.getByLabel(/^(Email|E-Mail)$/).fill(DEMO.coach.email);
  await form.getByLabel(/^(Password|Passwort)$/).fill(DEMO.coach.password);
  await form.locator('button[value="password"]').click();
  await page.locator(".agenda section").first().waitFor({ timeout: 30_000 });
}

/** The coach app's Sessions, signed in as on a later visit. */
async function openApp(options: BrowserContextOptions = {}, path = "/app#/today"): Promise<Page> {
  const page = await signedInPage(browser, DEMO.coach, options);
  await page.goto(`${SITE}${path}`);
  await page.locator(".agenda section").first().waitFor({ timeout: 30_000 });
  return page;
}

const card = (page: Page, id: string) => page.locator(`li[data-booking-id="${id}"]`);
const said = (page: Page, text: string) => page.locator("coach-app > [data-status]").filter({ hasText: text }).waitFor({ timeout: 20_000 });
const booking = async (id: string) => (await bookingsCol(DEMO.coachId).doc(id).get()).data()!;
const remaining = async () => (await packsCol(DEMO.coachId).doc(DEMO.packId).get()).data()!.remaining;

it("shows requests, today's sessions and the days ahead with client, session type, place and payment", async () => {
  const page = await phonePage(browser);
  await signInToApp(page);
  expect(await page.locator("coach-app [data-view] h1").textContent()).toBe("Sessions");
  const request = page.locator('section[data-group="requests"]').locator(card(page, ids.request));
  // The card is drawn from the booking at once and names the client when their record has loaded.
  await request.filter({ hasText: "Lena Fischer" }).waitFor({ timeout: 20_000 });
  expect(await request.textContent()).toContain("Match play (90 min) · Court 3, TC Blau-Weiss");
  expect(await request.textContent()).toContain("pack unit");
  expect(await request.textContent()).toContain("Note: “Bring new balls?”");
  expect(await request.getByRole("button").allTextContents()).toEqual(["Confirm", "Decline"]);
  // The sessions that started today are under today (or, right after midnight, under "Earlier, still open").
  const past = card(page, ids.pastDone);
  expect(await past.getByRole("button").allTextContents()).toEqual(["Mark completed", "No-show"]);
  const future = card(page, ids.future);
  expect(await future.locator(".badge").textContent()).toBe("confirmed");
  expect(await future.getByRole("button").allTextContents()).toEqual(["Cancel", "Reschedule"]);
  expect(await page.locator('section[data-group="today"] h2').textContent()).toMatch(/^Today · \w{3} \d{1,2} \w{3,4}$/);
  await shot(page, "coach-today");
  expect(await axeViolations(page)).toEqual([]);
});

it("confirms a request (one unit spent) and the card moves to its day", async () => {
  const page = await openApp();
  const before = await remaining();
  await card(page, ids.request).getByRole("button", { name: "Confirm" }).click();
  await said(page, "Confirmed.");
  expect((await booking(ids.request)).status).toBe("confirmed");
  expect(await remaining()).toBe(before - 1);
  await page.locator(`section[data-group="ahead"] li[data-booking-id="${ids.request}"]`).waitFor({ timeout: 20_000 });
  expect(await page.locator('section[data-group="requests"]').count()).toBe(0);
  // What the action did stays on the card, next to its buttons, across the live redraw.
  expect(await card(page, ids.request).locator(".result").textContent()).toBe("Confirmed.");
});

it("marks a past session completed, and a no-show that it then waives with a reason", async () => {
  const page = await openApp();
  await card(page, ids.pastDone).getByRole("button", { name: "Mark completed" }).click();
  await said(page, "Marked completed.");
  expect((await booking(ids.pastDone)).status).toBe("completed");
  if (ofAnEarlierDay(doneStart)) await card(page, ids.pastDone).waitFor({ state: "detached", timeout: 20_000 });
  else await card(page, ids.pastDone).locator(".badge", { hasText: "completed" }).waitFor({ timeout: 20_000 });

  const before = await remaining();
  await card(page, ids.pastMissed).getByRole("button", { name: "No-show" }).click();
  await said(page, "Marked as no-show.");
  expect((await booking(ids.pastMissed)).status).toBe("no_show");
  const missed = card(page, ids.pastMissed);
  await missed.getByRole("button", { name: "Waive…" }).click();
  await missed.getByLabel("Reason").selectOption({ label: "court closed (weather)" });
  await shot(page, "coach-today-waive");
  expect(await axeViolations(page)).toEqual([]);
  await missed.getByRole("button", { name: "Waive the charge" }).click();
  await said(page, "Waived.");
  const waived = await booking(ids.pastMissed);
  expect(waived.resolution?.outcome).toBe("waived");
  expect(waived.resolution?.waiver?.reasonId).toBe("weather");
  expect(await remaining()).toBe(before + 1);
  expect((await ledgerCol(DEMO.coachId, DEMO.packId).doc(`booking-${ids.pastMissed}-waiver`).get()).data()?.delta).toBe(1);
  if (ofAnEarlierDay(missedStart)) {
    await card(page, ids.pastMissed).waitFor({ state: "detached", timeout: 20_000 });
  } else {
    await card(page, ids.pastMissed).filter({ hasText: "waived: court closed (weather)" }).waitFor({ timeout: 20_000 });
    expect(await card(page, ids.pastMissed).getByRole("button").count()).toBe(0);
  }
});

it("cancels a future session after showing that the unit is credited", async () => {
  const page = await openApp();
  const before = await remaining();
  const future = card(page, ids.future);
  await future.getByRole("button", { name: "Cancel" }).click();
  const preview = future.locator("[data-preview]");
  await preview.waitFor({ timeout: 20_000 });
  expect(await preview.getAttribute("data-preview")).toBe("credited");
  expect(await preview.textContent()).toBe("Cancelling now credits the client's unit back to their pack.");
  await shot(page, "coach-today-cancel");
  expect(await axeViolations(page)).toEqual([]);
  await future.getByRole("button", { name: "Cancel the session" }).click();
  await said(page, "Cancelled.");
  const cancelled = await booking(ids.future);
  expect(cancelled.status).toBe("cancelled");
  expect(cancelled.resolution).toMatchObject({ by: "coach", outcome: "credited" });
  expect(await remaining()).toBe(before + 1);
  await card(page, ids.future).locator(".badge", { hasText: "cancelled" }).waitFor({ timeout: 20_000 });
});

it("cancels a session of a weekly series with every later one, after listing each with its outcome", async () => {
  // Three weeks at 22:30 in the coach's zone (outside her hours: nothing else is booked then), the first within two days:
  // the second is among the days Today shows, the third maybe beyond them.
  const zone = "Europe/Berlin";
  const firstStart = DateTime.utc().plus({ days: 1 }).setZone(zone).set({ hour: 22, minute: 30, second: 0, millisecond: 0 }).toUTC().toISO()!;
  const series = await call(
    "bookSeries",
    {
      requestId: randomUUID(),
      coachId: DEMO.coachId,
      offeringId: DEMO.offeringId,
      firstStart,
      weeks: 3,
      payWith: "pack",
      clientUid: DEMO.client.uid,
      anyTime: true,
    },
    emma,
  );
  const [first, second, third] = series.booked;
  expect(series.booked).toHaveLength(3);
  const page = await openApp();
  const before = await remaining();
  const later = card(page, second!.bookingId);
  await later.waitFor({ timeout: 20_000 });
  expect(await later.getByRole("button").allTextContents()).toEqual(["Cancel", "Cancel this and later sessions", "Reschedule"]);
  // A session outside any series offers no such thing.
  expect(await card(page, ids.future).getByRole("button").allTextContents()).toEqual(["Cancel", "Reschedule"]);

  await later.getByRole("button", { name: "Cancel this and later sessions" }).click();
  const panel = later.locator(".panel");
  await panel.locator("li").nth(1).waitFor({ timeout: 20_000 });
  expect(await panel.locator("p").first().textContent()).toBe("Cancelling 2 sessions of this series:");
  // Each occurrence's day and time in the coach's zone, and what cancelling does to its unit.
  const line = (iso: string) => {
    const local = DateTime.fromISO(iso).setZone(zone);
    return expect.stringMatching(new RegExp(`^\\w{3},? ${local.day} \\w{3,4}.*, ${local.toFormat("HH:mm")}: unit credited back$`));
  };
  expect(await panel.locator("li").allTextContents()).toEqual([line(second!.start), line(third!.start)]);
  expect(await panel.locator("li[data-preview]").evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.preview))).toEqual([
    "credited",
    "credited",
  ]);
  await shot(page, "coach-today-cancel-series");
  expect(await axeViolations(page)).toEqual([]);

  await panel.getByRole("button", { name: "Cancel 2 sessions" }).click();
  await said(page, "2 sessions cancelled.");
  for (const { bookingId } of [second!, third!]) {
    expect((await booking(bookingId)).resolution).toMatchObject({ kind: "cancelled", by: "coach", outcome: "credited" });
  }
  expect((await booking(first!.bookingId)).status).toBe("confirmed");
  expect(await remaining()).toBe(before + 2);
  await card(page, second!.bookingId).locator(".badge", { hasText: "cancelled" }).waitFor({ timeout: 20_000 });
  expect(await card(page, second!.bookingId).getByRole("button").count()).toBe(0);
});

it("reschedules a session to another free time, keeping its unit", async () => {
  const page = await openApp();
  const before = await remaining();
  const oldStart = (await booking(ids.future)).startsAt.toISO();
  const future = card(page, ids.future);
  await future.getByRole("button", { name: "Reschedule" }).click();
  // A day, then one of its times: the last free time of the last day.
  const day = future.getByLabel("New day");
  await day.waitFor({ timeout: 20_000 });
  const days = await day.locator("option").evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
  await day.selectOption(days.at(-1)!);
  const select = future.getByLabel("New time");
  const options = await select.locator("option").evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
  const target = options.at(-1)!;
  await select.selectOption(target);
  await future.getByRole("button", { name: "Move" }).click();
  await said(page, "Moved.");
  const moved = await booking(ids.future);
  expect(moved.startsAt.toMillis()).toBe(DateTime.fromISO(target).toMillis());
  expect(moved.startsAt.toISO()).not.toBe(oldStart);
  expect(await remaining()).toBe(before);
});

it("books for a client who phoned: find the client, pick a free time; the session joins the agenda", async () => {
  const start = await slotOf(DEMO.offeringId, 30);
  const local = DateTime.fromISO(start).setZone("Europe/Berlin");
  const page = await openApp();
  await page.getByRole("button", { name: "Book for a client" }).click();
  await page.getByLabel("Client: name, email or phone").fill("lena");
  await page.getByRole("button", { name: /^Lena Fischer/ }).click();
  const form = page.locator("form.operation");
  await form.getByLabel("Session type").selectOption(DEMO.offeringId);
  await form.getByLabel("Day").fill(local.toISODate()!);
  await form.getByLabel("Day").dispatchEvent("change");
  await waitFor(
    () => form.getByLabel("Free time").locator(`option[value="${start}"]`).count(),
    (n) => n === 1,
    "the day's free times",
  );
  await form.getByLabel("Free time").selectOption(start);
  await shot(page, "coach-today-book-for-client");
  expect(await axeViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Book a session" }).click();
  await page.locator(".book-for-client .done").filter({ hasText: "Booked for" }).waitFor({ timeout: 20_000 });
  const [booked] = (
    await bookingsCol(DEMO.coachId)
      .where("startsAt", "==", Timestamp.fromMillis(Date.parse(start)))
      .get()
  ).docs;
  expect(booked?.data()).toMatchObject({ clientUid: DEMO.client.uid, status: "confirmed" });
  await card(page, booked!.id).waitFor({ timeout: 20_000 });
});

it("a booking made meanwhile appears without reloading", async () => {
  const page = await openApp();
  const start = await slotOf(DEMO.offeringId, 30);
  const made = await call("bookSlot", { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start, payWith: "on_site" }, lena);
  const fresh = card(page, made.bookingId);
  await fresh.waitFor({ timeout: 20_000 });
  expect(await fresh.textContent()).toContain("€65.00 · open");
  expect(await fresh.textContent()).toContain("Lena Fischer");
});

it("works offline once loaded: the service worker serves the app, Firestore's cache the day", async () => {
  const page = await openApp();
  await card(page, ids.pastDone).waitFor();
  // The worker took control and stored the page's scripts (pwa.ts sends it what loaded before).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await page.waitForFunction(
    async () => {
      const wanted = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((url) => new URL(url).pathname.startsWith("/_astro/"));
      const cache = await caches.open("coach-app-assets-v1");
      const held = await Promise.all(wanted.map((url) => cache.match(url)));
      return wanted.length > 0 && held.every(Boolean) && (await caches.open("coach-app-shell-v1").then((c) => c.match("/app"))) !== undefined;
    },
    undefined,
    { timeout: 20_000, polling: 250 },
  );
  expect(await page.locator("[data-offline]").isHidden()).toBe(true);

  await page.context().setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await card(page, ids.pastDone).waitFor({ timeout: 30_000 });
  await card(page, ids.future).waitFor();
  expect(await page.locator("[data-offline]").textContent()).toBe("Offline: showing what was loaded last.");
  expect(await page.locator("[data-offline]").isVisible()).toBe(true);
  await shot(page, "coach-today-offline");
  expect(await axeViolations(page)).toEqual([]);
  await page.context().setOffline(false);
});

it("a start-up check of the signed-in user that hangs (a weak signal) keeps nobody on the sign-in form: the worker gives it up", async () => {
  const page = await openApp();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  // Auth reloads the stored user before it says who is signed in: that request now never answers.
  let hanging = 0;
  await page.context().route("**/accounts:lookup*", () => {
    hanging += 1;
  });
  await page.reload();
  // Auth alone waits 30 s for it; the worker answers a network error after 4 s, which Auth takes as offline.
  await card(page, ids.pastDone).waitFor({ timeout: 15_000 });
  expect(hanging).toBeGreaterThan(0);
  await page.context().unrouteAll({ behavior: "ignoreErrors" });
});

it("in German", async () => {
  const page = await openApp({ locale: "de-DE" }, "/de/app#/today");
  expect(await page.locator("coach-app [data-view] h1").textContent()).toBe("Stunden");
  expect(await page.locator('section[data-group="today"] h2').textContent()).toMatch(/^Heute · /);
  expect(await page.locator('section[data-group="requests"] h2').textContent()).toBe("Warten auf deine Bestätigung");
  expect(await card(page, ids.request).getByRole("button").allTextContents()).toEqual(["Bestätigen", "Ablehnen"]);
  expect(await card(page, ids.future).textContent()).toContain("Paketeinheit");
  expect(await card(page, ids.future).locator(".badge").textContent()).toBe("bestätigt");
  await shot(page, "coach-today-de");
  expect(await axeViolations(page)).toEqual([]);
});

it("the manifests describe an installable app in each language", async () => {
  const en = (await (await fetch(`${SITE}/manifest.webmanifest`)).json()) as Record<string, unknown>;
  const de = (await (await fetch(`${SITE}/de/manifest.webmanifest`)).json()) as Record<string, unknown>;
  expect(en).toMatchObject({ start_url: "/app", display: "standalone", theme_color: "#0f5132", lang: "en" });
  expect(de).toMatchObject({ start_url: "/de/app", display: "standalone", theme_color: "#0f5132", lang: "de" });
  for (const icon of en.icons as { src: string; type: string }[]) {
    const response = await fetch(`${SITE}${icon.src}`);
    expect(response.ok, icon.src).toBe(true);
    expect(response.headers.get("content-type")).toContain(icon.type);
  }
});

describe("the agenda (pure)", () => {
  const zone = "Europe/Berlin";
  const at = (iso: string) => ({ toDate: () => new Date(iso) });
  const session = (id: string, start: string, status: string, extra: Record<string, unknown> = {}): Session =>
    sessionFrom(id, {
      clientUid: "c",
      offeringId: "o",
      startsAt: at(start),
      endsAt: at(DateTime.fromISO(start).plus({ hours: 1 }).toISO()!),
      status,
      payment: { method: "pack", packId: "p" },
      ...extra,
    })!;

  it("groups by the coach's calendar day, not UTC's: 23:30 UTC on the 23rd is the 24th in Berlin", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const late = session("late", "2026-11-23T23:30:00Z", "confirmed");
    const plan = agenda([late], [], now, zone);
    expect(plan.days.map((d) => [d.date, d.sessions.map((s) => s.id)])).toEqual([
      ["2026-11-23", []],
      ["2026-11-24", ["late"]],
    ]);
    expect(dateIn(new Date("2026-03-29T00:30:00Z"), zone)).toBe("2026-03-29");
  });

  it("shows requests once, in their own group; before today only what still needs the coach", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const plan = agenda(
      [
        session("req", "2026-11-25T09:00:00Z", "requested"),
        session("open", "2026-11-20T09:00:00Z", "confirmed"),
        session("done", "2026-11-20T11:00:00Z", "completed"),
        session("late", "2026-11-21T09:00:00Z", "cancelled", {
          resolution: { kind: "cancelled", by: "client", outcome: "counted_as_used", sentence: "", waiver: null },
        }),
        session("waived", "2026-11-21T11:00:00Z", "no_show", {
          resolution: { kind: "no_show", by: "coach", outcome: "waived", sentence: "", waiver: { label: "weather" } },
        }),
      ],
      [session("req", "2026-11-25T09:00:00Z", "requested")],
      now,
      zone,
    );
    expect(plan.requests.map((s) => s.id)).toEqual(["req"]);
    expect(plan.earlier.map((s) => s.id)).toEqual(["open", "late"]);
    expect(plan.days.flatMap((d) => d.sessions.map((s) => s.id))).toEqual([]);
  });

  it("offers the actions the functions allow at that moment", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(actionsFor(session("a", "2026-11-23T12:00:00Z", "requested"), now)).toEqual(["confirm", "decline"]);
    expect(actionsFor(session("b", "2026-11-23T09:00:00Z", "requested"), now)).toEqual(["decline"]);
    expect(actionsFor(session("c", "2026-11-23T10:00:00Z", "confirmed"), now)).toEqual(["complete", "no_show"]);
    expect(actionsFor(session("d", "2026-11-23T10:00:01Z", "confirmed"), now)).toEqual(["cancel", "reschedule"]);
    expect(actionsFor(session("e", "2026-11-22T10:00:00Z", "completed"), now)).toEqual([]);
    expect(
      actionsFor(
        session("f", "2026-11-22T10:00:00Z", "cancelled", { resolution: { kind: "cancelled", by: "client", outcome: "credited", sentence: "", waiver: null } }),
        now,
      ),
    ).toEqual([]);
    expect(
      actionsFor(
        session("g", "2026-11-22T10:00:00Z", "no_show", { resolution: { kind: "no_show", by: "coach", outcome: "charge_kept", sentence: "", waiver: null } }),
        now,
      ),
    ).toEqual(["waive"]);
  });

  it("a session of a weekly series, ahead, may be cancelled with every later one", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const weekly = { seriesId: "s1" };
    expect(actionsFor(session("a", "2026-11-24T10:00:00Z", "confirmed", weekly), now)).toEqual(["cancel", "cancel_rest", "reschedule"]);
    expect(actionsFor(session("b", "2026-11-24T10:00:00Z", "requested", weekly), now)).toEqual(["confirm", "decline", "cancel_rest"]);
    expect(actionsFor(session("c", "2026-11-23T09:00:00Z", "confirmed", weekly), now)).toEqual(["complete", "no_show"]);
    expect(actionsFor(session("d", "2026-11-24T10:00:00Z", "confirmed", { seriesId: null }), now)).toEqual(["cancel", "reschedule"]);
  });

  it("leaves out documents without start and end", () => {
    expect(sessionFrom("x", { status: "confirmed" })).toBeUndefined();
    expect(sessionFrom("y", null)).toBeUndefined();
  });
});
