import { DateTime } from "luxon";
import { logger } from "firebase-functions/v2";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { expireDuePacks } from "../shell/packs/expire.js";

/** Hourly: packs past their end lose their unused units (time from the event, not the wall clock). */
export const expirePacks = onSchedule({ schedule: "every 60 minutes", timeZone: "UTC" }, async (event) => {
  const expired = await expireDuePacks(DateTime.fromISO(event.scheduleTime, { zone: "utc" }));
  logger.info("packs expired", { expired, scheduleTime: event.scheduleTime });
});
