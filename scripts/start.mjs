// `npm start`: the product on the emulators with demo data. Starts Auth,
// Functions, Firestore and Hosting, seeds the demo once, builds the site and
// prints where to go. Data is exported to .emulator-data on exit (Ctrl-C) and
// imported on the next start. Client e-mails land in the local inbox
// (scripts/mail-inbox.mjs), a real SMTP server with a web page.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { EMULATORS, PROJECT_ID, ROOT, SITE_DIR, URLS, buildFunctions, buildSite, ensureSiteDir, firebaseEnv, run } from "./lib/local.mjs";
import { startMailInbox } from "./mail-inbox.mjs";

const DATA_DIR = join(ROOT, ".emulator-data");

await buildFunctions();
ensureSiteDir();
await startMailInbox();
const args = ["emulators:start", "--project", PROJECT_ID, "--only", EMULATORS, "--export-on-exit", DATA_DIR];
if (existsSync(join(DATA_DIR, "firebase-export-metadata.json"))) args.push("--import", DATA_DIR);

const emulators = spawn("firebase", args, { cwd: ROOT, env: firebaseEnv(), stdio: ["inherit", "pipe", "inherit"] });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => emulators.kill(signal));
emulators.on("exit", (code) => process.exit(code ?? 0));

let ready = false;
emulators.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!ready && String(chunk).includes("All emulators ready")) {
    ready = true;
    void onReady();
  }
});

async function onReady() {
  try {
    await run("tsx", ["scripts/seed-demo.ts"], { env: { ...process.env, GCLOUD_PROJECT: PROJECT_ID } });
    await buildSite();
    const pages = readdirSync(SITE_DIR)
      .filter((file) => file.endsWith(".html") && !["index.html", "404.html", "portal.html", "app.html", "de.html", "en.html"].includes(file))
      .map((file) => {
        const slug = file.replace(/\.html$/, "");
        const other = ["de", "en"].find((lang) => existsSync(join(SITE_DIR, lang, file)));
        return `  Booking page:  ${URLS.site}/${slug}${other ? ` (also ${URLS.site}/${other}/${slug})` : ""}`;
      });
    console.log(`
SoloCoach is running on the emulators (project ${PROJECT_ID}).
${pages.join("\n")}
  Client portal: ${URLS.site}/portal
  Coach app:     ${URLS.site}/app   (emma@example.com / emma-demo-1, or tom@example.com / tom-demo-1)
  Start page:    ${URLS.site}/   ("Create your booking page": a new coach signs up in the coach app)
  Client e-mail: ${URLS.inbox}   (the local inbox: every mail sent to clients)
  Functions:     ${URLS.functions}
  Auth:          ${URLS.auth}
Sign-in links "emailed" to clients appear in this output and at ${URLS.auth}/emulator/v1/projects/${PROJECT_ID}/oobCodes
Press Ctrl-C to stop; data is kept in .emulator-data for the next start.
`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    emulators.kill("SIGINT");
  }
}
