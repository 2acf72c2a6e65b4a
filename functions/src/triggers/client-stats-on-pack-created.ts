import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { refreshFor } from "../shell/clients/stats.js";

/** A pack was sold, bought online or received by transfer: its client's balance and open amount are recomputed. */
export const clientStatsOnPackCreated = onDocumentCreated("coaches/{coachId}/packs/{packId}", (event) =>
  refreshFor(event.params.coachId, event.data ? [event.data] : []),
);
