// `npm run seed`: seeds the demo into the running emulators unless it is there.
import { DEMO } from "./demo-data.js";
import { isDemoSeeded, seedDemo } from "./demo.js";

process.env.GCLOUD_PROJECT ??= DEMO.projectId;
process.env.FIRESTORE_EMULATOR_HOST ??= "127.0.0.1:8080";
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= "127.0.0.1:9099";

if (await isDemoSeeded()) {
  console.log("Demo data already present (imported from .emulator-data).");
} else {
  await seedDemo();
  console.log("Demo data seeded.");
}
console.log(`Demo client sign-in: ${DEMO.client.email} / ${DEMO.client.password}`);
console.log(`Demo coach sign-in:  ${DEMO.coach.email} / ${DEMO.coach.password}`);
