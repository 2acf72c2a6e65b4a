import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyOverviewChange, overviewChange } from "../shell/overview/changes.js";

/** A pack was sold, bought online (pending until paid) or received by transfer: the overview counts the sale, its units and what it leaves open. */
export const overviewOnPackCreated = onDocumentCreated("coaches/{coachId}/packs/{packId}", (event) =>
  applyOverviewChange(event.params.coachId, overviewChange("pack", event, undefined, event.data), DateTime.utc()),
);
