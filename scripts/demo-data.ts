// The demo data of `npm start` and of the tests: a tennis coach in Berlin and
// a client who holds a 10-session pack; for `npm start`, a second coach (a
// fitness trainer in London, in GBP) signed up the way every coach signs up.
// Pure data: the domain tests use it without Firebase; scripts/demo.ts
// writes it to the emulators.
import { Coach, Offering, PackTemplate } from "../functions/src/domain/coach.js";
import { CoachSetup } from "../functions/src/domain/onboarding.js";

/** Ids and sign-ins of the demo, used by README, tests and the site. */
export const DEMO = {
  projectId: "demo-solocoach",
  coachId: "coach-emma",
  slug: "emma",
  offeringId: "private-60",
  matchPlayId: "match-90",
  packTemplateId: "ten-pack",
  packId: "pack-lena-1",
  /** Emma's Stripe account (the local fake's): connected and able to take charges. */
  stripeAccountId: "acct_fake_demo_emma",
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
  stripeAccount: {
    accountId: DEMO.stripeAccountId,
    chargesEnabled: true,
    detailsSubmitted: true,
    requirementsDue: [],
    disconnected: false,
    asOf: "2026-01-01T00:00:00.000Z",
  },
  // Invoices with 19 % VAT, numbered RE-{year}-0001 on; the IBAN is the standard example one.
  invoicing: {
    legalName: `${DEMO.coach.name} Tennis Coaching`,
    address: "Lindenstraße 5\n10969 Berlin",
    taxNumber: "21/815/08150",
    vatMode: "regular",
    defaultRate: 19,
    prefix: "RE-",
    yearlyReset: true,
    paymentTermsDays: 14,
    bank: { holder: DEMO.coach.name, iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" },
  },
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

/** The second demo coach: another discipline, zone and currency, set up through the sign-up wizard's answers. */
export const SECOND_COACH = {
  coachId: "coach-tom",
  user: { uid: "uid-tom", email: "tom@example.com", password: "tom-demo-1", name: "Tom Baker" },
  setup: CoachSetup.parse({
    name: "Tom Baker",
    discipline: "Personal training",
    slug: "tom",
    timeZone: "Europe/London",
    currency: "GBP",
    location: { name: "Regent's Park gym", address: "Outer Circle, London NW1 4NR" },
    offering: { title: "Personal training (45 min)", durationMinutes: 45, priceMinor: 4500 },
    weeklyHours: {
      mon: [{ from: "07:00", to: "12:00" }],
      wed: [{ from: "07:00", to: "12:00" }],
      fri: [{ from: "16:00", to: "20:00" }],
      sat: [{ from: "08:00", to: "12:00" }],
    },
    pack: { name: "5 sessions", units: 5, priceMinor: 20000, validityMonths: 3 },
  }),
} as const;
