// Seeds the demo data (scripts/demo-data.ts) into the emulators: the coach's
// documents and public page, the client and her 10-session pack; and, for
// `npm start`, the second coach, written as createCoach writes every coach.
import { getAuth } from "firebase-admin/auth";
import { DateTime } from "luxon";
import { namedRecord } from "../functions/src/domain/clients.js";
import { decideNewCoach } from "../functions/src/domain/onboarding.js";
import { decideSale } from "../functions/src/domain/pack-sales.js";
import { writePackChange } from "../functions/src/shell/packs/commit.js";
import { adminApp, db } from "../functions/src/shell/firebase.js";
import { writeNewCoach } from "../functions/src/shell/coach/new-coach.js";
import { writePublicCoach } from "../functions/src/shell/coach/public-page.js";
import { clientsCol, coachOwnerRef, coachRef, offeringsCol, packTemplatesCol, slugRef, stripeAccountRef } from "../functions/src/shell/firestore/refs.js";
import { DEMO, SECOND_COACH, demoCoach, demoMatchPlay, demoOffering, demoPackTemplate } from "./demo-data.js";

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
  // The claims createCoach writes for every coach: one address, one coach per account.
  await slugRef(DEMO.slug).set({ coachId: DEMO.coachId });
  await stripeAccountRef(DEMO.stripeAccountId).set({ coachId: DEMO.coachId });
  await coachOwnerRef(DEMO.coach.uid).set({ coachId: DEMO.coachId, slug: DEMO.slug, requestId: "demo" });
  await offeringsCol(DEMO.coachId).doc(DEMO.offeringId).set(demoOffering);
  await offeringsCol(DEMO.coachId).doc(DEMO.matchPlayId).set(demoMatchPlay);
  await packTemplatesCol(DEMO.coachId).doc(DEMO.packTemplateId).set(demoPackTemplate);
  await writePublicCoach(DEMO.coachId);
  await clientsCol(DEMO.coachId)
    .doc(DEMO.client.uid)
    .set({ ...namedRecord(DEMO.client.name), email: DEMO.client.email, notes: "" });

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
  writePackChange(batch, DEMO.coachId, demoCoach, sale, now);
  await batch.commit();
}

/** Writes the second demo coach (npm start) as createCoach would, unless it is there. */
export async function seedSecondCoach(): Promise<void> {
  if ((await coachOwnerRef(SECOND_COACH.user.uid).get()).exists) return;
  await ensureUser(SECOND_COACH.user);
  const decided = decideNewCoach(SECOND_COACH.setup, SECOND_COACH.user.uid);
  if (!decided.ok) throw new Error(decided.error.code);
  const batch = db().batch();
  writeNewCoach(batch, { coachId: SECOND_COACH.coachId, uid: SECOND_COACH.user.uid, requestId: "demo", decided: decided.value });
  await batch.commit();
}
