// The demo data of `npm start` and of the tests: a tennis coach in Berlin and
// a client who holds a 10-session pack.
import { getAuth } from "firebase-admin/auth";
import { DateTime } from "luxon";
import { Coach, Offering, PackTemplate } from "../functions/src/domain/coach.js";
import { decideSale } from "../functions/src/domain/packs.js";
import { writePackChange } from "../functions/src/shell/commit.js";
import { adminApp, db } from "../functions/src/shell/firebase.js";
import { writePublicCoach } from "../functions/src/shell/public-coach.js";
import { clientsCol, coachRef, offeringsCol, packTemplatesCol } from "../functions/src/shell/refs.js";

/** Ids and sign-ins of the demo, used by README, tests and the site. */
export const DEMO = {
  projectId: "demo-solocoach",
  coachId: "coach-emma",
  slug: "emma",
  offeringId: "private-60",
  matchPlayId: "match-90",
  packTemplateId: "ten-pack",
  packId: "pack-lena-1",
  coach: { uid: "uid-emma", email: "emma@example.com", password: "emma-demo-1", name: "Emma Weber" },
  client: { uid: "uid-lena", email: "lena@example.com", password: "lena-demo-1", name: "Lena Fischer" },
} as const;

const weekday = [
  { from: "08:00", to: "12:00" },
  { from: "14:00", to: "20:00" },
];

/** The demo coach's private document. */
export const demoCoach: Coach = Coach.parse({
  ownerUid: DEMO.coach.uid,
  slug: DEMO.slug,
  name: DEMO.coach.name,
  bio: "Tennis coach for adults and juniors: technique, match play and fitness on court.",
  discipline: "Tennis",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  locale: "en",
  locations: [{ id: "court-3", name: "Court 3, TC Blau-Weiss", address: "Waldstraße 12, 10551 Berlin" }],
  weeklyHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  bookingRules: { slotStepMinutes: 60, bufferMinutes: 0, minNoticeMinutes: 12 * 60, horizonDays: 60 },
});

/** The demo coach's one offering: a 60-minute private lesson. */
export const demoOffering: Offering = Offering.parse({
  title: "Private lesson (60 min)",
  durationMinutes: 60,
  priceMinor: 6500,
  locationId: "court-3",
});

/** A second offering: 90 minutes of match play, which the coach confirms. */
export const demoMatchPlay: Offering = Offering.parse({
  title: "Match play (90 min)",
  durationMinutes: 90,
  priceMinor: 9000,
  extraFeeMinor: 1200,
  locationId: "court-3",
  rules: { confirmation: "coach", bufferMinutes: 15 },
});

/** The demo coach's 10-session pack, valid 6 months. */
export const demoPackTemplate: PackTemplate = PackTemplate.parse({
  name: "10-session pack",
  units: 10,
  priceMinor: 58000,
  validityMonths: 6,
});

/** Creates a user in the Auth emulator unless it exists. */
async function ensureUser(user: { uid: string; email: string; password: string; name: string }): Promise<void> {
  const auth = getAuth(adminApp());
  try {
    await auth.getUser(user.uid);
  } catch {
    await auth.createUser({ uid: user.uid, email: user.email, password: user.password, displayName: user.name, emailVerified: true });
  }
}

/** True when the demo coach exists already (data imported from an earlier run). */
export async function isDemoSeeded(): Promise<boolean> {
  return (await coachRef(DEMO.coachId).get()).exists;
}

/** Writes the whole demo: users, coach, catalogue, public page data, client and pack. */
export async function seedDemo(now: DateTime = DateTime.utc()): Promise<void> {
  await Promise.all([ensureUser(DEMO.coach), ensureUser(DEMO.client)]);
  await coachRef(DEMO.coachId).set(demoCoach);
  await offeringsCol(DEMO.coachId).doc(DEMO.offeringId).set(demoOffering);
  await offeringsCol(DEMO.coachId).doc(DEMO.matchPlayId).set(demoMatchPlay);
  await packTemplatesCol(DEMO.coachId).doc(DEMO.packTemplateId).set(demoPackTemplate);
  await writePublicCoach(DEMO.coachId);
  await clientsCol(DEMO.coachId).doc(DEMO.client.uid).set({ name: DEMO.client.name, email: DEMO.client.email, notes: "" });

  const sale = decideSale({
    packId: DEMO.packId,
    clientUid: DEMO.client.uid,
    templateId: DEMO.packTemplateId,
    template: demoPackTemplate,
    currency: demoCoach.currency,
    timeZone: demoCoach.timeZone,
    actor: { uid: DEMO.coach.uid, now },
  });
  const batch = db().batch();
  writePackChange(batch, DEMO.coachId, sale);
  await batch.commit();
}
