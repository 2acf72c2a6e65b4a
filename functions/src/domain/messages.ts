import { DateTime } from "luxon";
import * as z from "zod";
import type { Coach } from "./coach.js";
import { DomainError } from "./errors.js";
import { Result, fail, ok } from "./result.js";
import { Instant } from "./time.js";

/** The longest message, in characters. */
export const MESSAGE_MAX = 2000;

/** Who wrote a message: the coach or the client of the thread. */
export const MessageAuthor = z.enum(["coach", "client"]);
export type MessageAuthor = z.infer<typeof MessageAuthor>;

/** One message of coaches/{c}/threads/{clientUid}/messages/{requestId}; never edited. */
export const Message = z.object({
  from: MessageAuthor,
  senderUid: z.string().min(1),
  text: z.string().min(1).max(MESSAGE_MAX),
  at: Instant,
});
export type Message = z.infer<typeof Message>;

/**
 * coaches/{c}/threads/{clientUid}: the thread's last message, for lists of
 * conversations, and how many messages each side has not read yet.
 */
export const Thread = z.object({
  clientUid: z.string().min(1),
  lastMessageAt: Instant,
  lastFrom: MessageAuthor,
  lastText: z.string(),
  unreadByCoach: z.number().int().min(0).default(0),
  unreadByClient: z.number().int().min(0).default(0),
});
export type Thread = z.infer<typeof Thread>;

/** The start of a message for lists and push texts: at most 120 characters, "…" when cut. */
export function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= 120 ? flat : `${flat.slice(0, 119)}…`;
}

/**
 * Who writes into which thread. The coach names the client; a client
 * always writes into their own thread and may not name another.
 */
export function messageParty(
  coach: Pick<Coach, "ownerUid">,
  callerUid: string,
  clientUid: string | undefined,
): Result<{ from: MessageAuthor; clientUid: string }, DomainError> {
  if (coach.ownerUid === callerUid) return clientUid ? ok({ from: "coach", clientUid }) : fail({ code: "CLIENT_NOT_FOUND" });
  if (clientUid !== undefined && clientUid !== callerUid) return fail({ code: "NOT_ALLOWED" });
  return ok({ from: "client", clientUid: callerUid });
}

/**
 * A new message under the caller's request id. The same request again (same
 * sender, same text) is a retry and writes nothing; the id used for another
 * message is refused.
 */
export function decideMessage(args: {
  existing: Message | undefined;
  from: MessageAuthor;
  senderUid: string;
  text: string;
  now: DateTime;
}): Result<{ message: Message; created: boolean }, DomainError> {
  const { existing } = args;
  if (existing) {
    const retry = existing.senderUid === args.senderUid && existing.from === args.from && existing.text === args.text;
    return retry ? ok({ message: existing, created: false }) : fail({ code: "REQUEST_ID_REUSED" });
  }
  return ok({ message: { from: args.from, senderUid: args.senderUid, text: args.text, at: args.now }, created: true });
}

/** The field that counts what `reader` has not read. */
const unreadOf = (reader: MessageAuthor) => (reader === "coach" ? "unreadByCoach" : "unreadByClient");

/**
 * The thread after a new message: one more unread for the other side, none
 * left for the writer (who answers has read the thread). A message older
 * than the thread's last one (a late commit) leaves the last message as it is.
 */
export function threadAfter(thread: Thread | undefined, clientUid: string, message: Message): Thread {
  const reader: MessageAuthor = message.from === "coach" ? "client" : "coach";
  const last =
    thread && thread.lastMessageAt > message.at ? thread : { clientUid, lastMessageAt: message.at, lastFrom: message.from, lastText: preview(message.text) };
  return {
    ...last,
    unreadByCoach: thread?.unreadByCoach ?? 0,
    unreadByClient: thread?.unreadByClient ?? 0,
    [unreadOf(reader)]: (thread?.[unreadOf(reader)] ?? 0) + 1,
    [unreadOf(message.from)]: 0,
  };
}

/** The thread once `reader` has read it, or undefined when nothing was unread (nothing to write). */
export function threadRead(thread: Thread | undefined, reader: MessageAuthor): Thread | undefined {
  if (!thread || thread[unreadOf(reader)] === 0) return undefined;
  return { ...thread, [unreadOf(reader)]: 0 };
}
