import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { Booking } from "../../domain/booking.js";
import { Coach } from "../../domain/coach.js";
import { CalendarEvent } from "../../domain/ics.js";
import { WithId } from "../../domain/packs.js";
import { REGION } from "../firebase.js";
import { clientsCol, offeringsCol } from "../firestore/refs.js";

/** sha256 of a feed token, hex: what the coach document keeps. */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Base URL of the HTTP functions here: the emulator's, or the deployed region's. */
export function functionsOrigin(): string {
  const project = process.env.GCLOUD_PROJECT ?? "";
  return process.env.FUNCTIONS_EMULATOR === "true" ? `http://127.0.0.1:5001/${project}/${REGION}` : `https://${REGION}-${project}.cloudfunctions.net`;
}

/**
 * Bookings as calendar events, titled for the coach ("… with Lena") or the
 * client ("… with Emma"). Each offering and client is read once, however
 * many sessions the feed holds.
 */
export async function bookingEvents(coachId: string, coach: Coach, bookings: WithId<Booking>[], forCoach: boolean, now: DateTime): Promise<CalendarEvent[]> {
  const unique = (ids: string[]) => [...new Set(ids)];
  const [offerings, clients] = await Promise.all([
    Promise.all(unique(bookings.map((b) => b.data.offeringId)).map(async (id) => [id, (await offeringsCol(coachId).doc(id).get()).data()] as const)),
    Promise.all(unique(bookings.map((b) => b.data.clientUid)).map(async (uid) => [uid, (await clientsCol(coachId).doc(uid).get()).get("name")] as const)),
  ]);
  const offeringOf = new Map(offerings);
  const clientNameOf = new Map(clients);
  return bookings.map(({ id, data: booking }) => {
    const offering = offeringOf.get(booking.offeringId);
    const location = coach.locations.find((l) => l.id === offering?.locationId);
    const clientName = clientNameOf.get(booking.clientUid);
    const other = forCoach ? (typeof clientName === "string" ? clientName : "a client") : coach.name;
    return {
      uid: `${id}@solocoach`,
      start: booking.startsAt,
      end: booking.endsAt,
      summary: `${offering?.title ?? "Session"} with ${other}`,
      location: location ? [location.name, location.address].filter(Boolean).join(", ") : "",
      description: `Booked with SoloCoach. Status: ${booking.status}.`,
      status: booking.status === "confirmed" ? "CONFIRMED" : booking.status === "cancelled" ? "CANCELLED" : "TENTATIVE",
      stamp: now,
    };
  });
}
