import { createHmac, timingSafeEqual } from "node:crypto";
import { mailLinkSecret, siteOrigin } from "../config.js";

/** The path of the one-click unsubscribe (a Hosting rewrite to the mailLinks function). */
export const UNSUBSCRIBE_PATH = "/mail/unsubscribe";

const signature = (coachId: string, clientUid: string) =>
  createHmac("sha256", mailLinkSecret.value()).update(`unsubscribe\n${coachId}\n${clientUid}`).digest("base64url").slice(0, 32);

/** The signed link that stops a client's reminders from one coach. */
export function unsubscribeUrl(coachId: string, clientUid: string): string {
  const query = new URLSearchParams({ c: coachId, u: clientUid, s: signature(coachId, clientUid) });
  return `${siteOrigin.value()}${UNSUBSCRIBE_PATH}?${query.toString()}`;
}

/** True when `s` is the signature of this coach and client. */
export function validUnsubscribe(coachId: string, clientUid: string, s: string): boolean {
  const expected = Buffer.from(signature(coachId, clientUid));
  const given = Buffer.from(s);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
