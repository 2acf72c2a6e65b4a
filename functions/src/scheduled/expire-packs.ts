import { DateTime } from "luxon";
import { logger } from "firebase-functions/v2";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { expireDuePacks } from "../shell/packs/expire.js";
import { SWEEP_SECONDS } from "../shell/config.js";

/** Hourly: packs past their end lose their unused units (time from the event, not the wall clock). */
export const expirePacks = onSchedule({ schedule: "every 60 minutes", timeZone: "UTC", timeoutSeconds: SWEEP_SECONDS }, async (event) => {
  const expired = await expireDuePacks(DateTime.fromISO(event.scheduleTime, { zone: "utc" }));
  logger.info("packs expired", { expired, scheduleTime: event.scheduleTime });
});
