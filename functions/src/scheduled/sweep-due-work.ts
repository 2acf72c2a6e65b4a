import * as logger from "firebase-functions/logger";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { DateTime } from "luxon";
import { SWEEP_SECONDS } from "../shell/config.js";
import { handToTasks } from "../shell/due/tasks.js";
import { sweepDueJobs } from "../shell/jobs/due.js";
import { sweepDueMail } from "../shell/mail/deliver.js";
import { sweepDueOutbox } from "../shell/notify/deliver.js";

/**
 * Every minute (time from the event): finds the work now due — jobs
 * (reminders, payment nudges, pack expiry, agendas), coach notifications
 * whose quiet hours or backoff are over, client mails whose time came — by
 * index, in pages, and fans it out to Cloud Tasks (tasks/run-due-work.ts).
 * It reads what is due, never every coach.
 */
export const sweepDueWork = onSchedule({ schedule: "every 1 minutes", timeZone: "UTC", timeoutSeconds: SWEEP_SECONDS }, async (event) => {
  const now = DateTime.fromISO(event.scheduleTime, { zone: "utc" });
  const [jobs, pushes, mails] = await Promise.all([
    sweepDueJobs(now, (paths) => handToTasks("job", paths)),
    sweepDueOutbox(now, (paths) => handToTasks("push", paths)),
    sweepDueMail(now, (paths) => handToTasks("mail", paths)),
  ]);
  logger.info("due work handed on", { jobs, pushes, mails, scheduleTime: event.scheduleTime });
});
