// Shared by `npm start`, `npm test` and `npm run bench`: the local project,
// its emulator ports and how to run the Firebase CLI and the site build.
import { spawn } from "node:child_process";
import { mkdirSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { firestoreEmulatorEnv } from "./firestore-emulator.mjs";

/** The repository root. */
export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");
/** Local work and tests use a demo- project: the emulators never reach production. */
export const PROJECT_ID = "demo-solocoach";
/** Emulators started for local work and tests (see firebase.json for ports). */
export const EMULATORS = "auth,functions,firestore,hosting";
/** Where the emulators listen. */
export const URLS = {
  site: "http://127.0.0.1:5000",
  functions: `http://127.0.0.1:5001/${PROJECT_ID}/europe-west1`,
  firestore: "127.0.0.1:8080",
  auth: "http://127.0.0.1:9099",
  /** The local inbox (scripts/mail-inbox.mjs): every client e-mail, as a web page and as JSON for tests. */
  inbox: "http://127.0.0.1:8025",
};
/** The local inbox's SMTP port (functions/.secret.local: SMTP_URL). */
export const INBOX_SMTP_PORT = 2525;

/** Environment of the site build in emulator mode (read by site/src/client/*). */
export function localSiteEnv(env = process.env) {
  return {
    ...env,
    ASTRO_TELEMETRY_DISABLED: "1",
    GCLOUD_PROJECT: PROJECT_ID,
    FIRESTORE_EMULATOR_HOST: env.FIRESTORE_EMULATOR_HOST ?? URLS.firestore,
    PUBLIC_FIREBASE_PROJECT_ID: PROJECT_ID,
    PUBLIC_FIREBASE_API_KEY: "demo-api-key",
    PUBLIC_FUNCTIONS_ORIGIN: URLS.functions,
    PUBLIC_SITE_ORIGIN: URLS.site,
    PUBLIC_AUTH_EMULATOR_ORIGIN: URLS.auth,
    PUBLIC_FIRESTORE_EMULATOR_HOST: URLS.firestore,
    PUBLIC_PUSH_REGISTRAR: "emulator",
  };
}

/** Runs a command with inherited output; resolves on exit 0, rejects otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`))));
  });
}

/** Compiles the functions (the emulator loads functions/lib). */
export function buildFunctions() {
  return run("npm", ["run", "build", "--workspace", "functions"]);
}

/** What Hosting serves: the static pages of the site build (the on-demand renderer goes to functions/site-render). */
export const SITE_DIR = join(ROOT, "site", "dist", "client");

/** The hosting emulator needs its folder to exist before the site is built. */
export function ensureSiteDir() {
  const dist = SITE_DIR;
  if (!existsSync(dist)) {
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>SoloCoach</title><p>The site is being built…</p>");
  }
}

/** Builds the static site from the public projections in the running Firestore emulator. */
export function buildSite(env = process.env) {
  return run("npm", ["run", "build", "--workspace", "site"], { env: localSiteEnv(env) });
}

/** Environment for the Firebase CLI, with the Firestore emulator it can start offline. */
export function firebaseEnv() {
  const { env, source } = firestoreEmulatorEnv();
  console.log(`Firestore emulator: ${source}`);
  // The Functions emulator starts one worker process per concurrent request;
  // on 2 cores, 50 simultaneous cold workers need longer than the default 30 s
  // to load, and the emulator then fails the requests ("Failed to load function").
  return { ...env, NO_UPDATE_NOTIFIER: "1", FUNCTIONS_DISCOVERY_TIMEOUT: env.FUNCTIONS_DISCOVERY_TIMEOUT ?? "180" };
}
