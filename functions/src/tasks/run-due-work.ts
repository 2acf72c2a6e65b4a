import * as logger from "firebase-functions/logger";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { DateTime } from "luxon";
import { mailLinkSecret, smtpUrl } from "../shell/config.js";
import { DueWork } from "../shell/due/tasks.js";
import { runJobPaths } from "../shell/jobs/due.js";
import { deliverMailPaths } from "../shell/mail/deliver.js";
import { emailTransport } from "../shell/mail/transport.js";
import { deliverOutboxPaths } from "../shell/notify/deliver.js";
import { pushTransport } from "../shell/notify/push.js";

/**
 * One batch of due work a sweep (scheduled/sweep-due-work.ts) handed on:
 * jobs to run, coach notifications or client mails to deliver, at the time
 * the task runs. Each piece is idempotent, so a retried or repeated task
 * does nothing twice. At most 20 tasks run at once across all coaches.
 */
export const runDueWork = onTaskDispatched(
  {
    retryConfig: { maxAttempts: 5, minBackoffSeconds: 30 },
    rateLimits: { maxConcurrentDispatches: 20 },
    timeoutSeconds: 120,
    secrets: [smtpUrl, mailLinkSecret],
  },
  async (request) => {
    const work = DueWork.safeParse(request.data);
    if (!work.success) {
      logger.error("malformed due work dropped", { issues: work.error.issues });
      return;
    }
    const { kind, paths } = work.data;
    const now = DateTime.utc();
    const done =
      kind === "job"
        ? await runJobPaths(paths, now)
        : kind === "push"
          ? await deliverOutboxPaths(paths, now, pushTransport())
          : await deliverMailPaths(paths, now, emailTransport());
    logger.info("due work done", { kind, paths: paths.length, done });
  },
);
