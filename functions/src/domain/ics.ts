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
export function icsCalendar(name: string, events: CalendarEvent[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//SoloCoach//Bookings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${text(name)}`,
    ...events.flatMap((event) => [
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${utcStamp(event.stamp)}`,
      `DTSTART:${utcStamp(event.start)}`,
      `DTEND:${utcStamp(event.end)}`,
      `SUMMARY:${text(event.summary)}`,
      `LOCATION:${text(event.location)}`,
      `DESCRIPTION:${text(event.description)}`,
      `STATUS:${event.status}`,
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
