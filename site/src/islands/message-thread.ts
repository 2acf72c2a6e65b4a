// One conversation between a coach and a client, live: the coach app's client
// screen and the client portal both mount it. Messages are read with the
// Firestore web SDK (onSnapshot on coaches/{coachId}/threads/{clientUid}/messages,
// ordered by `at`; the rules let only that coach and that client read) and
// written through the sendMessage callable, never directly. The SDK is
// imported here, on demand, so pages load it only once someone is signed in.
import { CallableError } from "../client/callable.js";
import { formatDay, formatTime } from "../lib/format.js";
import { el } from "./dom.js";
import "./message-thread.css";

/** How many of a thread's latest messages it shows. */
const MESSAGES_SHOWN = 100;

/** Who is looking: their side of the thread, and the words the page uses. */
export interface ThreadOptions {
  coachId: string;
  clientUid: string;
  /** The side of the person looking; their messages read "You". */
  me: "coach" | "client";
  locale: string;
  timeZone: string;
  /** A unique id for the text field (several threads may share a page). */
  fieldId: string;
  text: {
    /** The badge of messages that were unread when the thread opened ("2 new"). */
    unread: (count: number) => string;
    /** How the other side is named in the list. */
    other: string;
    you: string;
    /** The label of the log ("Conversation with Lena"). */
    log: string;
    field: string;
    send: string;
    empty: string;
  };
  /** Marks the thread read for the person looking (markThreadRead): called when messages from the other side are shown. */
  read?(): Promise<unknown>;
  /** Sends one message; `requestId` stays the same for retries of the same message. */
  send(text: string, requestId: string): Promise<void>;
  /** Shows a refusal or failure in words. */
  explain(error: unknown): string;
}

/** One message as stored (coaches/{c}/threads/{clientUid}/messages/{id}), narrowed at the edge. */
interface ShownMessage {
  id: string;
  from: "coach" | "client";
  text: string;
  at: string;
}

/** Narrows a Firestore document's data; anything malformed is skipped rather than shown wrong. */
function asMessage(id: string, data: Record<string, unknown>): ShownMessage | undefined {
  const { from, text, at } = data;
  if ((from !== "coach" && from !== "client") || typeof text !== "string") return undefined;
  if (typeof at !== "object" || at === null || !("toDate" in at) || typeof at.toDate !== "function") return undefined;
  const date: unknown = at.toDate();
  return date instanceof Date ? { id, from, text, at: date.toISOString() } : undefined;
}

/**
 * Renders the thread into `root` and listens; resolves to the unsubscribe.
 * The send box keeps one requestId per message until the server accepted it,
 * so pressing Send again after a lost answer cannot post it twice.
 */
export async function mountThread(root: HTMLElement, options: ThreadOptions): Promise<() => void> {
  const { text } = options;
  const log = el("div", undefined, "thread");
  log.setAttribute("role", "log");
  log.setAttribute("aria-label", text.log);
  log.tabIndex = 0;
  const list = el("ol", undefined, "plain messages");
  const empty = el("p", text.empty, "muted");
  log.append(empty, list);

  const form = el("form", undefined, "send-box");
  const label = Object.assign(el("label", text.field), { htmlFor: options.fieldId });
  const field = Object.assign(el("textarea"), { id: options.fieldId, name: "message", rows: 2, maxLength: 2000, required: true });
  const button = Object.assign(el("button", text.send), { type: "submit" });
  const status = el("p", undefined, "error");
  status.setAttribute("role", "alert");
  status.hidden = true;
  form.append(label, field, button, status);
  root.replaceChildren(log, form);

  let requestId = crypto.randomUUID();
  let lastSent = "";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const words = field.value.trim();
    if (!words) return;
    // Other words than the failed attempt are another message: a new id.
    if (words !== lastSent) requestId = crypto.randomUUID();
    lastSent = words;
    button.disabled = true;
    status.hidden = true;
    options
      .send(words, requestId)
      .then(() => {
        field.value = "";
        lastSent = "";
        requestId = crypto.randomUUID();
      })
      .catch((error: unknown) => {
        status.textContent = options.explain(error instanceof CallableError ? error : new CallableError("unavailable", "NETWORK", {}, ""));
        status.hidden = false;
      })
      .finally(() => {
        button.disabled = false;
      });
  });

  const [{ collection, doc, getDoc, limitToLast, onSnapshot, orderBy, query }, { clientDb }] = await Promise.all([
    import("firebase/firestore"),
    import("../client/firestore.js"),
  ]);
  // What was unread when the thread opened stays marked "new" while it is open, though it is marked read at once.
  const other = options.me === "coach" ? "client" : "coach";
  const counted: unknown = (await getDoc(doc(clientDb(), "coaches", options.coachId, "threads", options.clientUid)).catch(() => undefined))?.get(
    options.me === "coach" ? "unreadByCoach" : "unreadByClient",
  );
  const unreadAtOpen = typeof counted === "number" ? counted : 0;
  const badge = el("p", unreadAtOpen > 0 ? text.unread(unreadAtOpen) : "", "badge unread");
  badge.hidden = unreadAtOpen === 0;
  log.prepend(badge);
  let newIds: Set<string> | undefined;
  let lastRead = "";
  // The latest messages of a thread however long it grew (the whole thread is in the client's data export).
  const messages = query(
    collection(clientDb(), "coaches", options.coachId, "threads", options.clientUid, "messages"),
    orderBy("at"),
    limitToLast(MESSAGES_SHOWN),
  );
  return onSnapshot(
    messages,
    (snapshot) => {
      const shown = snapshot.docs.flatMap((d) => asMessage(d.id, d.data()) ?? []);
      const theirs = shown.filter((message) => message.from === other);
      newIds ??= new Set(theirs.slice(Math.max(0, theirs.length - unreadAtOpen)).map((message) => message.id));
      list.replaceChildren(...shown.map((message) => renderMessage(message, options, newIds?.has(message.id) ?? false)));
      empty.hidden = shown.length > 0;
      log.scrollTop = log.scrollHeight;
      // Seen: the newest message from the other side is on screen.
      const newest = theirs.at(-1)?.id ?? "";
      if (newest !== lastRead && options.read) {
        lastRead = newest;
        options.read().catch(() => (lastRead = ""));
      }
    },
    () => {
      status.textContent = options.explain(new CallableError("unavailable", "NETWORK", {}, ""));
      status.hidden = false;
    },
  );
}

function renderMessage(message: ShownMessage, options: ThreadOptions, unread: boolean): HTMLLIElement {
  const mine = message.from === options.me;
  const item = el("li", undefined, mine ? "message mine" : unread ? "message theirs new" : "message theirs");
  item.dataset.messageId = message.id;
  item.dataset.from = message.from;
  const when = `${formatDay(message.at, options.timeZone, options.locale)}, ${formatTime(message.at, options.timeZone, options.locale)}`;
  const meta = el("span", `${mine ? options.text.you : options.text.other} · ${when}`, "meta");
  item.append(meta, el("span", message.text, "words"));
  return item;
}
