import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { Booking } from "../domain/booking.js";
import { Coach } from "../domain/coach.js";
import { CalendarEvent } from "../domain/ics.js";
import { REGION } from "./firebase.js";
import { clientsCol, offeringsCol } from "./refs.js";

/** sha256 of a feed token, hex: what the coach document keeps. */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Base URL of the HTTP functions here: the emulator's, or the deployed region's. */
export function functionsOrigin(): string {
  const project = process.env.GCLOUD_PROJECT ?? "";
  return process.env.FUNCTIONS_EMULATOR === "true" ? `http://127.0.0.1:5001/${project}/${REGION}` : `https://${REGION}-${project}.cloudfunctions.net`;
}

/** A booking as a calendar event, titled for the coach ("… with Lena") or the client ("… with Emma"). */
export async function bookingEvent(coachId: string, coach: Coach, bookingId: string, booking: Booking, forCoach: boolean, now: DateTime): Promise<CalendarEvent> {
  const [offering, client] = await Promise.all([offeringsCol(coachId).doc(booking.offeringId).get(), clientsCol(coachId).doc(booking.clientUid).get()]);
  const title = offering.data()?.title ?? "Session";
  const location = coach.locations.find((l) => l.id === offering.data()?.locationId);
  const clientName = client.get("name");
  const other = forCoach ? (typeof clientName === "string" ? clientName : "a client") : coach.name;
  return {
    uid: `${bookingId}@solocoach`,
    start: booking.startsAt,
    end: booking.endsAt,
    summary: `${title} with ${other}`,
    location: location ? [location.name, location.address].filter(Boolean).join(", ") : "",
    description: `Booked with SoloCoach. Status: ${booking.status}.`,
    status: booking.status === "confirmed" ? "CONFIRMED" : booking.status === "cancelled" ? "CANCELLED" : "TENTATIVE",
    stamp: now,
  };
}
