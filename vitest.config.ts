import { defineConfig } from "vitest/config";
import { functionsEnv } from "./scripts/lib/functions-env.js";

const emulatorEnv = {
  ...functionsEnv(),
  GCLOUD_PROJECT: "demo-solocoach",
  FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080",
  FIREBASE_AUTH_EMULATOR_HOST: process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099",
};

// Two lanes:
// - "unit": the pure domain and the site's pure logic; no emulators (`npm run test:unit`).
// - "emulators": functions over HTTP, security rules and Chromium, inside
//   `firebase emulators:exec` (scripts/test.mjs). These files share one emulator
//   project, so they run one after another, in one process without per-file
//   isolation: each file would otherwise load firebase-admin, the functions'
//   modules and playwright again.
export default defineConfig({
  test: {
    fileParallelism: false,
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/domain/**/*.test.ts", "tests/site/**/*.test.ts", "tests/gateways/**/*.test.ts"],
          // The property tests run a few hundred cases each (about 4 s alone); room for a busy machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "emulators",
          include: ["tests/functions/**/*.test.ts", "tests/fuzz/**/*.test.ts", "tests/rules/**/*.test.ts", "tests/browser/**/*.test.ts"],
          setupFiles: ["tests/support/setup.ts"],
          isolate: false,
          // Generous: the racing tests settle contended transactions through the emulator on 2 cores.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          env: emulatorEnv,
        },
      },
    ],
  },
});
