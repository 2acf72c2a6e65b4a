// What the coach has not read yet, live: the threads whose client wrote since
// the coach last looked (unreadByCoach > 0, kept by sendMessage and
// markThreadRead), at most 100 threads. The Clients tab shows the total, the
// client list each client's count.

/** Calls `onChange` with the unread count per client, now and on every change; resolves to the unsubscribe. */
export async function watchUnread(coachId: string, onChange: (byClient: ReadonlyMap<string, number>) => void): Promise<() => void> {
  const [{ collection, limit, onSnapshot, query, where }, { clientDb }] = await Promise.all([import("firebase/firestore"), import("../client/firestore.js")]);
  const unread = query(collection(clientDb(), "coaches", coachId, "threads"), where("unreadByCoach", ">", 0), limit(100));
  return onSnapshot(
    unread,
    (snapshot) => {
      const counts = snapshot.docs.map((doc): [string, number] => {
        const count: unknown = doc.get("unreadByCoach");
        return [doc.id, typeof count === "number" ? count : 0];
      });
      onChange(new Map(counts));
    },
    // A lost connection keeps the last counts; the listener picks up again by itself.
    () => undefined,
  );
}

/** The total of unread messages. */
export const totalUnread = (byClient: ReadonlyMap<string, number>) => [...byClient.values()].reduce((sum, count) => sum + count, 0);
