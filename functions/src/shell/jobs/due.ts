import { Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { db } from "../firebase.js";
import { jobsGroup } from "../firestore/refs.js";
import { bounded, coachOf, sweep } from "../due/sweep.js";
import { runJob } from "./run.js";

/** How long a job handed on by a sweep is left alone by the next sweeps: its task moves it on well before. */
const LEASE_MINUTES = 10;
/** Jobs one process runs at once. */
const PARALLEL = 8;

const at = (instant: DateTime) => Timestamp.fromMillis(instant.toMillis());

/**
 * Sweeps the jobs due at `now` (collection group, by dueAt, in pages) and
 * hands each page on as "coachId/jobId" paths, after leasing it: each job's
 * dueAt moves 10 minutes on (unless the job changed since the page was
 * read), so the next sweeps leave it to the task it was handed to, and pick
 * it up again only if that task never ran. Returns how many it handed on.
 */
export function sweepDueJobs(now: DateTime, handOn: (paths: string[]) => Promise<void>, options?: { pageSize?: number }): Promise<number> {
  const due = jobsGroup().where("dueAt", "<=", at(now)).orderBy("dueAt");
  return sweep(
    due,
    async (page) => {
      const writer = db().bulkWriter();
      writer.onWriteError(() => false);
      const leased = at(now.plus({ minutes: LEASE_MINUTES }));
      for (const doc of page) writer.update(doc.ref.withConverter(null), { dueAt: leased }, { lastUpdateTime: doc.updateTime }).catch(() => undefined);
      await writer.close();
      await handOn(page.map((doc) => `${coachOf(doc)}/${doc.id}`));
    },
    options,
  );
}

/** Runs jobs named by "coachId/jobId" paths at `now`, a few at a time; returns how many notifications they wrote. */
export async function runJobPaths(paths: readonly string[], now: DateTime): Promise<number> {
  let written = 0;
  await bounded(paths, PARALLEL, async (path) => {
    const [coachId = "", id = ""] = path.split("/");
    const wrote = await runJob(coachId, id, now); // not `written += await …`: that adds to the value read before the wait
    written += wrote;
  });
  return written;
}

/** Sweeps and runs the jobs due at `now` right here (tests and benches; deployed, a sweep hands them to tasks). */
export async function runDueJobs(now: DateTime, options?: { pageSize?: number }): Promise<number> {
  let written = 0;
  await sweepDueJobs(
    now,
    async (paths) => {
      const wrote = await runJobPaths(paths, now);
      written += wrote;
    },
    options,
  );
  return written;
}
