import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyStatsChange, statsChange } from "../shell/clients/stats.js";

/** A pack was sold, bought online or received by transfer: its client's balance and open amount count it. */
export const clientStatsOnPackCreated = onDocumentCreated("coaches/{coachId}/packs/{packId}", (event) =>
  applyStatsChange(event.params.coachId, statsChange("pack", event, undefined, event.data), DateTime.utc()),
);
