import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { deliverOutbox } from "../shell/notify/deliver.js";
import { pushTransport } from "../shell/notify/push.js";

/** A new outbox entry is delivered at once unless it waits for quiet hours to end (then the sweep of scheduled/sweep-due-work.ts hands it to a task once due). */
export const deliverNotification = onDocumentCreated("coaches/{coachId}/outbox/{outboxId}", async (event) => {
  await deliverOutbox(event.params.coachId, event.params.outboxId, DateTime.utc(), pushTransport());
});
