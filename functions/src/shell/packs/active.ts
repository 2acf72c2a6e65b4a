import { Transaction } from "firebase-admin/firestore";
import { Pack, WithId } from "../../domain/packs.js";
import { packsCol } from "../firestore/refs.js";

/**
 * A client's active packs, found outside the transaction and re-read inside
 * it: a query in a transaction locks a whole index range, which would make
 * every booking of the coach contend with every other. A pack sold in the
 * instant between the two reads is simply not considered for this booking.
 */
export async function activePacks(coachId: string, clientUid: string): Promise<{ read: (tx: Transaction) => Promise<WithId<Pack>[]> }> {
  const candidates = await packsCol(coachId).where("clientUid", "==", clientUid).where("status", "==", "active").select().get();
  return {
    read: async (tx) => {
      if (candidates.empty) return [];
      const snapshots = await Promise.all(candidates.docs.map((doc) => tx.get(packsCol(coachId).doc(doc.id))));
      return snapshots.flatMap((snapshot) => {
        const data = snapshot.data();
        return data ? [{ id: snapshot.id, data }] : [];
      });
    },
  };
}
