// What a requestId was first used for (refs.ts requestRef): written in the
// same transaction as the change it names, so a retry of that request, however
// late, is recognised (and answered with the state as it stands), and any
// other use of the id is refused (REQUEST_ID_REUSED).
import { Transaction } from "firebase-admin/firestore";
import { RequestMark, requestRef } from "./refs.js";

/** "new": first use; "replay": the same request again; "reused": the id was used for something else. */
export type RequestUse = "new" | "replay" | "reused";

/** Reads what the requestId was used for (inside the transaction, before any write). */
export async function requestUse(tx: Transaction, coachId: string, requestId: string, mark: RequestMark): Promise<RequestUse> {
  const earlier = (await tx.get(requestRef(coachId, requestId))).data();
  if (!earlier) return "new";
  return earlier.kind === mark.kind && earlier.targetId === mark.targetId && earlier.uid === mark.uid ? "replay" : "reused";
}

/** Records the first use of the requestId, with the change it names. */
export function markRequest(tx: Transaction, coachId: string, requestId: string, mark: RequestMark): void {
  tx.create(requestRef(coachId, requestId), mark);
}
