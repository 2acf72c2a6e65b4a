import { getFunctions } from "firebase-admin/functions";
import { z } from "zod";
import { REGION, adminApp } from "../firebase.js";

/** Paths one task takes on. */
export const TASK_BATCH = 25;

/** A task's work: due jobs, coach notifications or client mails, named "coachId/docId". */
export const DueWork = z.object({
  kind: z.enum(["job", "push", "mail"]),
  paths: z
    .array(z.string().regex(/^[^/]+\/[^/]+$/))
    .min(1)
    .max(TASK_BATCH),
});
export type DueWork = z.infer<typeof DueWork>;

/** The queue of tasks/run-due-work.ts. */
const dueWorkQueue = () => getFunctions(adminApp()).taskQueue(`locations/${REGION}/functions/runDueWork`);

/** Fans a sweep's page out to Cloud Tasks, TASK_BATCH paths per task; the queue's rate limits bound how many run at once. */
export async function handToTasks(kind: DueWork["kind"], paths: readonly string[]): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += TASK_BATCH) batches.push(paths.slice(i, i + TASK_BATCH));
  await Promise.all(batches.map((batch) => dueWorkQueue().enqueue({ kind, paths: batch } satisfies DueWork)));
}
