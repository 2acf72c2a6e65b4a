import { logger } from "firebase-functions/v2";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { DateTime } from "luxon";
import { planDueNotifications } from "../shell/notify/plan.js";
import { SWEEP_SECONDS } from "../shell/config.js";

/** Every 15 minutes: session reminders, open payments, expiring packs and the daily agenda (time from the event). */
export const sendReminders = onSchedule({ schedule: "every 15 minutes", timeZone: "UTC", timeoutSeconds: SWEEP_SECONDS }, async (event) => {
  const written = await planDueNotifications(DateTime.fromISO(event.scheduleTime, { zone: "utc" }));
  logger.info("reminders planned", { written, scheduleTime: event.scheduleTime });
});
