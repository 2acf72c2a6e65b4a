// Seeds the demo data (scripts/demo-data.ts) into the emulators: the coach's
// documents and public page, the client and her 10-session pack.
import { getAuth } from "firebase-admin/auth";
import { DateTime } from "luxon";
import { decideSale } from "../functions/src/domain/packs.js";
import { writePackChange } from "../functions/src/shell/commit.js";
import { adminApp, db } from "../functions/src/shell/firebase.js";
import { writePublicCoach } from "../functions/src/shell/public-coach.js";
import { clientsCol, coachOwnerRef, coachRef, offeringsCol, packTemplatesCol, slugRef } from "../functions/src/shell/refs.js";
import { DEMO, demoCoach, demoMatchPlay, demoOffering, demoPackTemplate } from "./demo-data.js";

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
  await coachOwnerRef(DEMO.coach.uid).set({ coachId: DEMO.coachId, slug: DEMO.slug, requestId: "demo" });
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
