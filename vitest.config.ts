import { defineConfig } from "vitest/config";

// All test kinds run in one vitest process inside `firebase emulators:exec`
// (see scripts/test.mjs). Files run one after another because the
// integration, rules and browser tests share one emulator project.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    fileParallelism: false,
    // Generous: the racing tests settle dozens of contended transactions through the emulator on 2 cores.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    env: {
      GCLOUD_PROJECT: "demo-solocoach",
      FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080",
      FIREBASE_AUTH_EMULATOR_HOST: process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099",
    },
  },
});
