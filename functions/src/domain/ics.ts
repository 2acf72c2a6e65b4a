import { DateTime } from "luxon";

/** One calendar event (RFC 5545 VEVENT); times are instants, written in UTC. */
export interface CalendarEvent {
  uid: string;
  start: DateTime;
  end: DateTime;
  summary: string;
  location: string;
  description: string;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  /** When this version of the event was produced (DTSTAMP). */
  stamp: DateTime;
  /** The revision of an invite: 0 first, one more for every change sent (a move, a cancellation). */
  sequence?: number;
  /** Who invites and who is invited (e-mailed invites: METHOD:REQUEST / CANCEL). */
  organizer?: Person;
  attendee?: Person;
}

/** A person in an invite. */
export interface Person {
  name: string;
  email: string;
}

/**
 * How the calendar is meant: PUBLISH (a feed, a download), REQUEST (an
 * invite, new or changed), CANCEL (an invite withdrawn).
 */
export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

/** A quoted parameter value (CN="Emma Weber"); quotes are not allowed inside. */
const param = (value: string) => `"${value.replace(/"/g, "'")}"`;

/** ORGANIZER / ATTENDEE lines of an invite. */
function people(event: CalendarEvent): string[] {
  const lines: string[] = [];
  if (event.organizer) lines.push(`ORGANIZER;CN=${param(event.organizer.name)}:mailto:${event.organizer.email}`);
  if (event.attendee) lines.push(`ATTENDEE;CN=${param(event.attendee.name)};ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${event.attendee.email}`);
  return lines;
}

/** TEXT values escape backslash, semicolon, comma and newlines. */
const text = (value: string) => value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** 2026-11-24T17:00Z → 20261124T170000Z. */
const utcStamp = (instant: DateTime) => instant.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");

/**
 * Lines longer than 75 octets are folded: CRLF and one space, never inside a
 * UTF-8 character ("Tennisstunde mit Jörg …" stays valid).
 */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (encoder.encode(current + char).length > limit) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A VCALENDAR with the events, CRLF line ends, ready to serve as text/calendar. */
export function icsCalendar(name: string, events: CalendarEvent[], method: CalendarMethod = "PUBLISH"): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//SoloCoach//Bookings//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    `X-WR-CALNAME:${text(name)}`,
    ...events.flatMap((event) => [
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${utcStamp(event.stamp)}`,
      `SEQUENCE:${event.sequence ?? 0}`,
      `DTSTART:${utcStamp(event.start)}`,
      `DTEND:${utcStamp(event.end)}`,
      `SUMMARY:${text(event.summary)}`,
      `LOCATION:${text(event.location)}`,
      `DESCRIPTION:${text(event.description)}`,
      `STATUS:${event.status}`,
      ...people(event),
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
