import { DateTime } from "luxon";
import { Timestamp } from "firebase-admin/firestore";
import { decideExpiry } from "../../domain/packs.js";
import { writePackChange } from "./commit.js";
import { db } from "../firebase.js";
import { coachRef, packsCol, packsGroup } from "../firestore/refs.js";

/**
 * Expires every active pack whose end has passed at `now`, one transaction
 * per pack: "−3  pack expired on 1 Apr with 3 units unused". Safe to run
 * twice: an expired pack is skipped and the entry id is fixed per pack.
 * Returns how many packs it expired.
 */
export async function expireDuePacks(now: DateTime): Promise<number> {
  const due = await packsGroup().where("status", "==", "active").where("expiresAt", "<=", Timestamp.fromMillis(now.toMillis())).get();
  let expired = 0;
  for (const doc of due.docs) {
    const coachId = doc.ref.parent.parent?.id;
    if (!coachId) continue;
    const changed = await db().runTransaction(async (tx) => {
      const pack = (await tx.get(packsCol(coachId).doc(doc.id))).data();
      const coach = (await tx.get(coachRef(coachId))).data();
      if (!pack || !coach) return false;
      const change = decideExpiry({ packId: doc.id, pack, timeZone: coach.timeZone, now });
      if (!change) return false;
      writePackChange(tx, coachId, change);
      return true;
    });
    if (changed) expired += 1;
  }
  return expired;
}
