import { db } from "../firebase.js";
import { messagesCol } from "../firestore/refs.js";

/** Messages deleted per batch. */
const BATCH = 300;

/** Deletes every message of a client's thread, batch by batch; safe to run again. Returns how many went. */
export async function deleteMessages(coachId: string, clientUid: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await messagesCol(coachId, clientUid).limit(BATCH).select().get();
    if (page.empty) return deleted;
    const batch = db().batch();
    for (const doc of page.docs) batch.delete(doc.ref);
    await batch.commit();
    deleted += page.size;
  }
}
