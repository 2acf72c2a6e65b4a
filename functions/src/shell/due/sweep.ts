import { Query, QueryDocumentSnapshot } from "firebase-admin/firestore";

/** Documents one page of a sweep reads. */
export const SWEEP_PAGE = 200;
/** Pages one sweep reads at most; what is left waits for the next sweep. */
export const SWEEP_PAGES = 50;
/** Deliveries (push or mail) one process makes at once. */
export const PARALLEL_SENDS = 8;

/**
 * Reads what `query` (ordered, filtered to what is due) finds, page by page
 * with a cursor, and hands each page to `handle` before reading the next.
 * Returns how many documents it handed over.
 */
export async function sweep<T>(
  query: Query<T>,
  handle: (page: QueryDocumentSnapshot<T>[]) => Promise<void>,
  { pageSize = SWEEP_PAGE, maxPages = SWEEP_PAGES } = {},
): Promise<number> {
  let cursor: QueryDocumentSnapshot<T> | undefined;
  let handed = 0;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const page = await (cursor ? query.startAfter(cursor) : query).limit(pageSize).get();
    if (page.empty) break;
    await handle(page.docs);
    handed += page.size;
    if (page.size < pageSize) break;
    cursor = page.docs[page.docs.length - 1];
  }
  return handed;
}

/** The coach a document of a coach's subcollection belongs to (coaches/{coachId}/…/{id}). */
export const coachOf = (doc: QueryDocumentSnapshot<unknown>) => doc.ref.parent.parent?.id ?? "";

/** Runs `work` over `items`, at most `limit` at a time. */
export async function bounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
