// Runs before every test that talks to the emulators (vitest.config.ts, project "emulators").
import { beforeEach } from "vitest";
import { pinDemoSlots } from "./emulators.js";

beforeEach(() => pinDemoSlots());
