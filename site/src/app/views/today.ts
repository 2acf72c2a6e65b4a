// The coach app's Today screen: requests waiting for the coach, sessions
// still to settle, today's sessions and the next days', read live from
// Firestore (coaches/{c}/bookings by startsAt), grouped by day in the
// coach's zone, each with the actions its state allows (today-actions.ts).
import type { Firestore, Unsubscribe } from "firebase/firestore";
import { el, skeleton } from "../../islands/dom.js";
import { formatDay } from "../../lib/format.js";
import type { AppContext, View } from "../context.js";
import { actionButton, type ActionDeps } from "./today-actions.js";
import { headIdOf, sessionCard } from "./today-card.js";
import { coachSummary } from "../coach-summary.js";
import { actionsFor, agenda, dateIn, offeringFrom, sessionFrom, type Session, type WaiverReason } from "./today-data.js";
import { todayText } from "./today.text.js";
import { bookingPanel } from "./today-book.js";
import { WeekCalendar } from "./week.js";
import "./views.css";

/** Days shown from today on (today included). */
const DAYS_AHEAD = 14;
/** How far back sessions are read to find ones still to settle. */
const DAYS_BACK = 7;
/** Requests Today lists at most. */
const REQUESTS_SHOWN = 50;

type FirestoreModule = typeof import("firebase/firestore");
type Luxon = typeof import("luxon");

/** One live Today screen; stop() ends every listener and the clock. */
class TodayScreen {
  private readonly t;
  private readonly zone: string;
  /** What the session actions need (today-actions.ts). */
  private readonly actions: ActionDeps;
  private readonly list = el("div", undefined, "agenda");
  /** Listeners of the coach document and offerings, and of the bookings (renewed at midnight). */
  private readonly catalogueStops: Unsubscribe[] = [];
  private bookingStops: Unsubscribe[] = [];
  private readonly clock: ReturnType<typeof setInterval>;
  /** The week calendar beside the list on wide screens (week.ts). */
  private readonly week: WeekCalendar;
  private sessions: Session[] = [];
  /** What the latest action on a session did, shown on its card next to its buttons (kept across live redraws). */
  private readonly results = new Map<string, string>();
  private requests: Session[] = [];
  private offerings = new Map<string, { title: string; locationId: string }>();
  private locations = new Map<string, string>();
  private waiverReasons: WaiverReason[] = [];
  private readonly clients = new Map<string, string | null>();
  private readonly cards = new Map<string, { signature: string; card: HTMLElement; panel: HTMLElement; actions: string }>();
  private loaded = { sessions: false, requests: false };
  private today = "";

  constructor(
    private readonly ctx: AppContext,
    root: HTMLElement,
    private readonly fs: FirestoreModule,
    private readonly db: Firestore,
    private readonly luxon: Luxon,
  ) {
    this.t = todayText(ctx.lang);
    this.zone = ctx.coach.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.actions = {
      ctx,
      t: this.t,
      zone: this.zone,
      waiverReasons: () => this.waiverReasons,
      said: (sessionId, text) => {
        this.results.set(sessionId, text);
        ctx.say(text);
        this.draw();
      },
    };
    const heading = el("h1", this.t.heading);
    this.list.setAttribute("aria-busy", "true");
    this.list.append(el("p", this.t.loading, "muted"), skeleton(3));
    this.week = new WeekCalendar({
      ctx,
      fs,
      db,
      luxon,
      zone: this.zone,
      list: this.list,
      who: (uid) => this.clientName(uid),
      what: (offeringId) => this.offerings.get(offeringId)?.title ?? "",
    });
    const column = el("div");
    column.append(bookingPanel(ctx), this.list);
    const layout = el("div", undefined, "today-layout");
    layout.append(column, this.week.element);
    root.append(heading, layout);
    this.listenCatalogue();
    this.listenBookings();
    // A session that starts while the screen is open gets its "completed / no-show" buttons; at midnight the days move on.
    this.clock = setInterval(() => {
      if (dateIn(new Date(), this.zone) !== this.today) this.listenBookings();
      else this.draw();
    }, 60_000);
  }

  stop(): void {
    clearInterval(this.clock);
    this.week.stop();
    for (const stop of [...this.catalogueStops, ...this.bookingStops]) stop();
  }

  /** The coach document (locations, waiver reasons) and the offerings (titles, places). */
  private listenCatalogue(): void {
    const { collection, doc, onSnapshot } = this.fs;
    this.catalogueStops.push(
      onSnapshot(
        doc(this.db, "coaches", this.ctx.coachId),
        (snapshot) => {
          ({ locations: this.locations, waiverReasons: this.waiverReasons } = coachSummary(snapshot.data()));
          this.draw();
        },
        (error) => this.ctx.showError(error),
      ),
      onSnapshot(
        collection(this.db, "coaches", this.ctx.coachId, "offerings"),
        (snapshot) => {
          this.offerings = new Map(snapshot.docs.map((d) => [d.id, offeringFrom(d.id, d.data())]));
          this.draw();
        },
        (error) => this.ctx.showError(error),
      ),
    );
  }

  /**
   * Bookings from a week before today to DAYS_AHEAD days ahead (startsAt,
   * one range on one field: the automatic index serves it), and the
   * requests still waiting, soonest first, whatever their date (at most
   * REQUESTS_SHOWN; a coach answers them long before that many wait).
   */
  private listenBookings(): void {
    for (const stop of this.bookingStops) stop();
    const { collection, limit, onSnapshot, orderBy, query, Timestamp, where } = this.fs;
    const startOfToday = this.luxon.DateTime.now().setZone(this.zone).startOf("day");
    this.today = startOfToday.toISODate() ?? "";
    const bookings = collection(this.db, "coaches", this.ctx.coachId, "bookings");
    const from = Timestamp.fromMillis(startOfToday.minus({ days: DAYS_BACK }).toMillis());
    const to = Timestamp.fromMillis(startOfToday.plus({ days: DAYS_AHEAD }).toMillis());
    this.bookingStops = [
      onSnapshot(
        query(bookings, where("startsAt", ">=", from), where("startsAt", "<", to), orderBy("startsAt")),
        (snapshot) => {
          this.sessions = snapshot.docs.flatMap((d) => sessionFrom(d.id, d.data()) ?? []);
          this.loaded.sessions = true;
          this.draw();
        },
        (error) => this.ctx.showError(error),
      ),
      onSnapshot(
        query(bookings, where("status", "==", "requested"), orderBy("startsAt"), limit(REQUESTS_SHOWN)),
        (snapshot) => {
          this.requests = snapshot.docs.flatMap((d) => sessionFrom(d.id, d.data()) ?? []);
          this.loaded.requests = true;
          this.draw();
        },
        (error) => this.ctx.showError(error),
      ),
    ];
  }

  /** The client's name from the coach's record (read once per client; offline from the cache). */
  private clientName(uid: string): string {
    const known = this.clients.get(uid);
    if (known) return known;
    if (!this.clients.has(uid)) {
      this.clients.set(uid, null);
      const { doc, getDoc } = this.fs;
      getDoc(doc(this.db, "coaches", this.ctx.coachId, "clients", uid))
        .then((snapshot) => {
          const data = snapshot.data() ?? {};
          const name = typeof data.name === "string" && data.name ? data.name : typeof data.email === "string" && data.email ? data.email : this.t.aClient;
          this.clients.set(uid, name);
          this.draw();
        })
        .catch(() => this.clients.set(uid, this.t.aClient));
    }
    return this.t.aClient;
  }

  /** Draws the agenda again; cards whose booking did not change are kept (with an open panel and focus). */
  private draw(): void {
    this.week.draw();
    if (!this.loaded.sessions || !this.loaded.requests) return;
    const t = this.t;
    const now = new Date();
    const plan = agenda(this.sessions, this.requests, now, this.zone);
    const focused = document.activeElement instanceof HTMLElement && this.list.contains(document.activeElement) ? document.activeElement : null;
    const sections: HTMLElement[] = [];
    const used = new Set<string>();
    const group = (title: string, sessions: Session[], kind: string, empty?: string) => {
      const section = el("section", undefined, `day ${kind}`);
      section.dataset.group = kind;
      section.append(el("h2", title));
      if (sessions.length === 0 && empty) section.append(el("p", empty, "muted"));
      else {
        const list = el("ul", undefined, "plain sessions");
        list.append(...sessions.map((s) => this.card(s, now, used, kind === "requests" || kind === "earlier")));
        section.append(list);
      }
      sections.push(section);
    };
    if (plan.requests.length) group(t.requests, plan.requests, "requests");
    if (plan.earlier.length) group(t.earlier, plan.earlier, "earlier");
    for (const [index, day] of plan.days.entries()) {
      const dayLabel = this.dayTitle(day.date, index);
      group(dayLabel, day.sessions, index === 0 ? "today" : "ahead", index === 0 ? t.noneToday : undefined);
      sections.at(-1)!.dataset.date = day.date;
    }
    if (plan.days.length === 1) sections.push(el("p", t.noneAhead(DAYS_AHEAD - 1), "muted"));
    for (const id of [...this.cards.keys()]) if (!used.has(id)) this.cards.delete(id);
    this.list.replaceChildren(...sections);
    this.list.removeAttribute("aria-busy");
    if (focused && focused.isConnected && document.activeElement !== focused) focused.focus();
  }

  /** "Today · Mon 23 Nov", "Tomorrow · Tue 24 Nov", "Wednesday 25 November". */
  private dayTitle(date: string, index: number): string {
    const noon = `${date}T12:00:00Z`;
    const short = formatDay(noon, "UTC", this.ctx.locale);
    if (index === 0) return `${this.t.today} · ${short}`;
    const tomorrow = this.luxon.DateTime.fromISO(this.today).plus({ days: 1 }).toISODate();
    if (date === tomorrow) return `${this.t.tomorrow} · ${short}`;
    return new Intl.DateTimeFormat(this.ctx.locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(noon));
  }

  /** One session: time, client, what and where, payment, status; its actions below. */
  private card(session: Session, now: Date, used: Set<string>, withDay: boolean): HTMLElement {
    const who = this.clientName(session.clientUid);
    const offering = this.offerings.get(session.offeringId);
    const place = offering ? (this.locations.get(offering.locationId) ?? "") : "";
    const actions = actionsFor(session, now);
    const result = this.results.get(session.id);
    const signature = JSON.stringify([
      session.signature,
      withDay,
      who,
      offering,
      place,
      actions,
      actions.includes("waive") ? this.waiverReasons : null,
      result,
    ]);
    used.add(session.id);
    const kept = this.cards.get(session.id);
    if (kept && kept.signature === signature) return kept.card;

    const card = sessionCard(this.ctx, this.zone, session, { who, what: [offering?.title ?? "", place].filter(Boolean).join(" · "), withDay });

    const bar = el("div", undefined, "actions");
    // A card drawn again (e.g. the client's name arrived) keeps the panel the coach opened, or is filling, while its actions stay the same.
    const actionsKey = actions.join();
    const panel = kept && kept.actions === actionsKey ? kept.panel : Object.assign(el("div", undefined, "panel"), { hidden: true });
    for (const action of actions) bar.append(actionButton(this.actions, action, session, panel, headIdOf(session)));
    if (actions.length) card.append(bar, panel);
    if (result) {
      const line = el("p", result, "result");
      line.setAttribute("role", "status");
      card.append(line);
    }
    this.cards.set(session.id, { signature, card, panel, actions: actionsKey });
    return card;
  }
}

/** The Today screen (#/today; the app opens on the Overview). */
export const todayView: View = {
  async render(ctx, root) {
    const [fs, luxon, { clientDb }] = await Promise.all([import("firebase/firestore"), import("luxon"), import("../../client/firestore.js")]);
    const screen = new TodayScreen(ctx, root, fs, clientDb(), luxon);
    return () => screen.stop();
  },
};
