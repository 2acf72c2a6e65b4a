// Runs around every test that talks to the emulators (vitest.config.ts, project "emulators").
import { afterEach, beforeEach } from "vitest";
import { closeContexts } from "./browser.js";
import { pinDemoSlots } from "./emulators.js";

beforeEach(() => pinDemoSlots());
afterEach(() => closeContexts());
