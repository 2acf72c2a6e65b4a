import { logger } from "firebase-functions/v2";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { DateTime } from "luxon";
import { SWEEP_SECONDS, mailLinkSecret, smtpUrl } from "../shell/config.js";
import { flushDueMail } from "../shell/mail/deliver.js";
import { emailTransport } from "../shell/mail/transport.js";
import { flushDueOutbox } from "../shell/notify/deliver.js";
import { pushTransport } from "../shell/notify/push.js";

/**
 * Every 5 minutes (time from the event): the coach's notifications whose
 * quiet hours or retry backoff are over, and the clients' mails now due
 * (reminders, expiry notices, retries), go out.
 */
export const flushOutbox = onSchedule(
  { schedule: "every 5 minutes", timeZone: "UTC", timeoutSeconds: SWEEP_SECONDS, secrets: [smtpUrl, mailLinkSecret] },
  async (event) => {
    const now = DateTime.fromISO(event.scheduleTime, { zone: "utc" });
    const [pushed, mailed] = await Promise.all([flushDueOutbox(now, pushTransport()), flushDueMail(now, emailTransport())]);
    logger.info("outbox flushed", { pushed, mailed, scheduleTime: event.scheduleTime });
  },
);
