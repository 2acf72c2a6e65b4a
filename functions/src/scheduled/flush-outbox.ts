import { logger } from "firebase-functions/v2";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { DateTime } from "luxon";
import { flushDueOutbox } from "../shell/notify/deliver.js";
import { pushTransport } from "../shell/notify/push.js";

/** Every 5 minutes: notifications whose quiet hours or retry backoff are over go out (time from the event). */
export const flushOutbox = onSchedule({ schedule: "every 5 minutes", timeZone: "UTC" }, async (event) => {
  const sent = await flushDueOutbox(DateTime.fromISO(event.scheduleTime, { zone: "utc" }), pushTransport());
  logger.info("outbox flushed", { sent, scheduleTime: event.scheduleTime });
});
