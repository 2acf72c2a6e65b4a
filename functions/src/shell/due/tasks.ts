import * as z from "zod";
import { taskQueue } from "../firebase.js";

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

/** Fans a sweep's page out to Cloud Tasks, TASK_BATCH paths per task; the queue's rate limits bound how many run at once. */
export async function handToTasks(kind: DueWork["kind"], paths: readonly string[]): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += TASK_BATCH) batches.push(paths.slice(i, i + TASK_BATCH));
  const queue = await taskQueue("runDueWork");
  await Promise.all(batches.map((batch) => queue.enqueue({ kind, paths: batch } satisfies DueWork)));
}
