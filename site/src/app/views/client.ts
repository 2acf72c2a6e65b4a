// One client (#/clients/{uid}): contact (tap to call or write) and figures,
// packs and payments with their operations, invoices and receipts, the
// timeline, private notes, the
// message thread (live), reviews (live) and privacy (export, delete). The
// figures and the timeline come from getClientDetail and are fetched again
// whenever the client record changes (the stats triggers rewrite it after
// every booking, payment or pack change) or an operation went through.
import type { ClientDetailResult, ClientSummary } from "../../../../functions/src/api/clients.js";
import type { ReviewView } from "../../../../functions/src/api/reviews.js";
import { CallableError } from "../../client/callable.js";
import { el, skeleton } from "../../islands/dom.js";
import { mountThread } from "../../islands/message-thread.js";
import { watchReviews } from "../../islands/live-reviews.js";
import type { AppContext, View } from "../context.js";
import "./clients.css";
import { explainAny, nameOf } from "./client-format.js";
import { header } from "./client-header.js";
import { notesBox, type NotesBox } from "./client-notes.js";
import { loadTemplates, watchPacks, watchRecord, type TemplateState } from "./client-data.js";
import { documentsSection, type DocumentsSection } from "./client-documents.js";
import { packsSection } from "./client-packs.js";
import { erasureReport, privacySection } from "./client-privacy.js";
import { reviewsSection } from "./client-reviews.js";
import { fillReviewSlots, renderTimeline } from "./client-timeline.js";
import { clientsText } from "./clients.text.js";

/** A titled section with an id for the jump links. */
function section(id: string, title: string, ...content: HTMLElement[]): HTMLElement {
  const box = el("section", undefined, "client-section");
  box.id = id;
  const heading = el("h2", title);
  heading.id = `${id}-title`;
  box.setAttribute("aria-labelledby", heading.id);
  box.append(heading, ...content);
  return box;
}

/** Everything one open client screen holds; stop() ends every listener. */
class ClientScreen {
  private readonly t: ReturnType<typeof clientsText>;
  private detail: ClientDetailResult | undefined;
  private reviews: ReviewView[] = [];
  private readonly stops: (() => void)[] = [];
  private stopped = false;
  private loads = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private clients: Promise<ClientSummary[]> | undefined;
  private templates: Promise<TemplateState[]> | undefined;
  private readonly head = el("header", undefined, "client-head");
  private readonly timeline = el("div");
  /** Older pages of the timeline, asked for with "Show older", and where the history goes on before them. */
  private older: { entries: ClientDetailResult["timeline"]; before: string | null } | undefined;
  private readonly olderButton = Object.assign(el("button", undefined, "secondary"), { type: "button" });
  private readonly packs: ReturnType<typeof packsSection>;
  private readonly reviewList: ReturnType<typeof reviewsSection>;
  private readonly documents: DocumentsSection;
  private readonly notes: NotesBox;

  constructor(
    private readonly ctx: AppContext,
    private readonly root: HTMLElement,
    private readonly uid: string,
  ) {
    this.t = clientsText(ctx.lang);
    this.packs = packsSection(ctx, uid, {
      clientName: () => this.name(),
      clients: () => (this.clients ??= ctx.call("listClients", { coachId: ctx.coachId, limit: 100 }).then((r) => r.clients)),
      templates: () => (this.templates ??= loadTemplates(ctx)),
      changed: () => {
        this.clients = undefined;
        void this.reload();
      },
    });
    this.reviewList = reviewsSection(ctx);
    this.documents = documentsSection(ctx, uid);
    this.notes = notesBox(ctx, uid);
    this.olderButton.textContent = this.t.olderHistory;
    this.olderButton.addEventListener("click", () => void this.showOlder());
  }

  private name(): string {
    return this.detail ? nameOf(this.ctx, this.detail.client) : "";
  }

  async start(): Promise<() => void> {
    const t = this.t;
    this.root.classList.add("client-view");
    const back = Object.assign(el("a", t.back, "back"), { href: "#/clients" });
    // Placeholders for the figures and the history until they arrive.
    this.root.replaceChildren(back, skeleton(3));
    try {
      this.detail = await this.ctx.call("getClientDetail", { coachId: this.ctx.coachId, clientUid: this.uid });
    } catch (error) {
      if (error instanceof CallableError && error.reason === "CLIENT_NOT_FOUND") {
        this.root.replaceChildren(back, el("p", t.notFound));
        return () => undefined;
      }
      throw error;
    }

    const jump = el("nav", undefined, "jump");
    jump.setAttribute("aria-label", t.jump);
    const sections: [string, string][] = [
      ["packs", t.packsTitle],
      ["documents", t.documentsTitle],
      ["timeline", t.timelineTitle],
      ["messages", t.messagesTitle],
      ["reviews", t.reviewsTitle],
      ["notes", t.notesTitle],
      ["privacy", t.privacyTitle],
    ];
    for (const [id, title] of sections)
      jump.append(Object.assign(el("a", title), { href: `#/clients/${this.uid}`, onclick: (event: Event) => this.jumpTo(event, id) }));

    const thread = el("div");
    this.root.replaceChildren(
      back,
      this.head,
      jump,
      section("packs", t.packsTitle, this.packs.element),
      section("documents", t.documentsTitle, this.documents.element),
      section("timeline", t.timelineTitle, this.timeline, this.olderButton),
      section("messages", t.messagesTitle, thread),
      section("reviews", t.reviewsTitle, this.reviewList.element),
      section("notes", t.notesTitle, this.notes.form),
      section("privacy", t.privacyTitle, privacySection(this.ctx, this.uid, { clientName: () => this.name(), erased: (report) => this.erased(report) })),
    );
    this.draw();

    const offline = () => this.ctx.showError(new CallableError("unavailable", "NETWORK", {}, ""));
    const listeners = await Promise.all([
      watchPacks(
        this.ctx,
        this.uid,
        (packs) => {
          this.packs.update(packs, undefined);
          this.documents.update(packs, undefined);
        },
        offline,
      ),
      watchReviews(this.ctx.coachId, this.uid, (reviews) => this.showReviews(reviews), offline),
      watchRecord(this.ctx, this.uid, (exists) => (exists ? this.reloadSoon() : undefined)),
      mountThread(thread, {
        coachId: this.ctx.coachId,
        clientUid: this.uid,
        me: "coach",
        locale: this.ctx.locale,
        timeZone: this.ctx.coach.timeZone,
        fieldId: "message-text",
        text: {
          unread: t.unreadMessages,
          other: this.name(),
          you: t.you,
          log: t.thread(this.name()),
          field: t.messageLabel(this.name()),
          send: t.send,
          empty: t.noMessages,
        },
        read: () => this.ctx.call("markThreadRead", { coachId: this.ctx.coachId, clientUid: this.uid }),
        send: async (text, requestId) => {
          await this.ctx.call("sendMessage", { requestId, coachId: this.ctx.coachId, clientUid: this.uid, text });
        },
        explain: (error) => explainAny(this.ctx, error),
      }),
    ]);
    this.stops.push(...listeners);
    // The view was left while the listeners were being set up.
    if (this.stopped) this.stop();
    return () => this.stop();
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.pending);
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Scrolls to a section without touching the route. */
  private jumpTo(event: Event, id: string): void {
    event.preventDefault();
    const target = this.root.querySelector<HTMLElement>(`#${id}-title`);
    if (!target) return;
    target.tabIndex = -1;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  /** Draws what getClientDetail returned. */
  private draw(): void {
    const detail = this.detail;
    if (!detail) return;
    this.head.replaceChildren(...header(this.ctx, detail));
    this.timeline.replaceChildren(renderTimeline(this.ctx, { ...detail, timeline: [...detail.timeline, ...(this.older?.entries ?? [])] }));
    this.olderButton.hidden = !(this.older ? this.older.before : detail.olderBefore);
    fillReviewSlots(this.ctx, this.timeline, this.reviews, (line) => this.ctx.say(line));
    this.notes.show(detail.client.notes);
    this.packs.update(undefined, detail);
    this.documents.update(undefined, detail);
    this.reviewList.update(this.reviews, detail);
  }

  private showReviews(reviews: ReviewView[]): void {
    this.reviews = reviews;
    fillReviewSlots(this.ctx, this.timeline, reviews, (line) => this.ctx.say(line));
    this.reviewList.update(reviews, undefined);
  }

  /** Several writes land together (a payment, its pack, the stats): fetch once they settle. */
  private reloadSoon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.reload(), 250);
  }

  private async reload(): Promise<void> {
    const load = (this.loads += 1);
    try {
      const detail = await this.ctx.call("getClientDetail", { coachId: this.ctx.coachId, clientUid: this.uid });
      // A later reload started meanwhile, or the screen was left: its answer wins.
      if (load !== this.loads || this.stopped) return;
      // Older pages shown stay while the newest page ends where it did; when it moved on, they are asked for again from its end.
      if (detail.olderBefore !== this.detail?.olderBefore) this.older = undefined;
      this.detail = detail;
      this.draw();
      // A sale, payment or refund issues its invoice, receipt or credit note: read them again too.
      this.documents.refresh();
    } catch (error) {
      if (!this.stopped && !(error instanceof CallableError && error.reason === "CLIENT_NOT_FOUND")) this.ctx.showError(error);
    }
  }

  /** Appends the page of history before what is shown. */
  private async showOlder(): Promise<void> {
    const end = () => (this.older ? this.older.before : this.detail?.olderBefore);
    const before = end();
    if (!before) return;
    this.olderButton.disabled = true;
    try {
      const page = await this.ctx.call("getClientDetail", { coachId: this.ctx.coachId, clientUid: this.uid, before });
      // Dropped when what is shown no longer ends there (the newest page moved on, or this page is already shown).
      if (end() !== before || this.stopped) return;
      this.older = { entries: [...(this.older?.entries ?? []), ...page.timeline], before: page.olderBefore };
      this.draw();
    } catch (error) {
      if (!this.stopped) this.ctx.showError(error);
    } finally {
      this.olderButton.disabled = false;
    }
  }

  /** The client is gone: only the report stays on screen. */
  private erased(report: Parameters<typeof erasureReport>[1]): void {
    const name = this.name();
    this.stop();
    const title = el("h1", `${name}: ${this.t.deleted}`);
    title.tabIndex = -1;
    this.root.replaceChildren(Object.assign(el("a", this.t.back, "back"), { href: "#/clients" }), title, erasureReport(this.ctx, report));
    title.focus();
    this.ctx.say(this.t.deleted);
  }
}

export const clientView: View = {
  async render(ctx, root, params) {
    const [uid = "", section] = params;
    const stop = await new ClientScreen(ctx, root, uid).start();
    // #/clients/{uid}/messages (a message's push): straight to the thread.
    if (section === "messages") root.querySelector<HTMLElement>("#messages-title")?.scrollIntoView({ block: "start" });
    return stop;
  },
};
