// Shapes many callables share: a request id, a booking or client address, a saved answer.

import * as z from "zod";
import { DocId } from "../domain/ids.js";

/** Names a change the caller makes; a retry with the same id does not make it twice. */
export const RequestId = z.uuid();

/** A booking, addressed by its coach. */
export const BookingRefInput = z.object({ coachId: DocId, bookingId: DocId });
export type BookingRefInput = z.infer<typeof BookingRefInput>;

/** A client, addressed by their coach. */
export const ClientRefInput = z.object({ coachId: DocId, clientUid: DocId });
export type ClientRefInput = z.infer<typeof ClientRefInput>;

/** Result of a settings change. */
export const SavedResult = z.object({ saved: z.literal(true) });
export type SavedResult = z.infer<typeof SavedResult>;
