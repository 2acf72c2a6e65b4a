// `npm run seed`: seeds the demo into the running emulators unless it is there.
import { DEMO, SECOND_COACH } from "./demo-data.js";
import { isDemoSeeded, seedDemo, seedSecondCoach } from "./demo.js";

process.env.GCLOUD_PROJECT ??= DEMO.projectId;
process.env.FIRESTORE_EMULATOR_HOST ??= "127.0.0.1:8080";
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= "127.0.0.1:9099";

if (await isDemoSeeded()) {
  console.log("Demo data already present (imported from .emulator-data).");
} else {
  await seedDemo();
  console.log("Demo data seeded.");
}
await seedSecondCoach();
console.log(`Demo client sign-in: ${DEMO.client.email} / ${DEMO.client.password}`);
console.log(`Demo coach sign-in:  ${DEMO.coach.email} / ${DEMO.coach.password}`);
console.log(`Second demo coach:   ${SECOND_COACH.user.email} / ${SECOND_COACH.user.password}`);
