// Publishes the coach pages: rebuilds the static site from the coaches'
// public projections (publicCoaches/*) and, for a real project, deploys it
// to Firebase Hosting. Run it whenever a coach's public data changed.
//
//   npm run publish                          local: rebuild from the running emulators (`npm start`);
//                                            the Hosting emulator serves the new pages at once
//   npm run publish -- --project <id>        production: build against <id>, then deploy hosting
//
// Production needs application default credentials that may read Firestore
// (e.g. `gcloud auth application-default login` or a CI service account) and
// PUBLIC_FIREBASE_API_KEY (the web API key); PUBLIC_FUNCTIONS_ORIGIN defaults
// to the project's europe-west1 functions, PUBLIC_SITE_ORIGIN to <id>.web.app.
import { parseArgs } from "node:util";
import { buildSite, run } from "./lib/local.mjs";

const { values } = parseArgs({ options: { project: { type: "string" } } });

try {
  if (!values.project) {
    await buildSite();
    console.log("Rebuilt site/dist from the emulators; reload the page to see it.");
  } else {
    const project = values.project;
    if (project.startsWith("demo-")) throw new Error("demo- projects live on the emulators only: run `npm run publish` without --project.");
    if (!process.env.PUBLIC_FIREBASE_API_KEY) throw new Error("Set PUBLIC_FIREBASE_API_KEY to the web API key of the project.");
    const { FIRESTORE_EMULATOR_HOST: _f, FIREBASE_AUTH_EMULATOR_HOST: _a, PUBLIC_AUTH_EMULATOR_ORIGIN: _o, ...env } = process.env;
    const production = {
      ...env,
      ASTRO_TELEMETRY_DISABLED: "1",
      GCLOUD_PROJECT: project,
      PUBLIC_FIREBASE_PROJECT_ID: project,
      PUBLIC_FUNCTIONS_ORIGIN: env.PUBLIC_FUNCTIONS_ORIGIN ?? `https://europe-west1-${project}.cloudfunctions.net`,
      PUBLIC_SITE_ORIGIN: env.PUBLIC_SITE_ORIGIN ?? `https://${project}.web.app`,
    };
    await run("npm", ["run", "build", "--workspace", "site"], { env: production });
    await run("firebase", ["deploy", "--only", "hosting", "--project", project], { env: production });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
