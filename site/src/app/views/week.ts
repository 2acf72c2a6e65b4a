// The week calendar beside the Today list on wide screens: Monday to Sunday
// in the coach's zone, a block per session placed by week-layout.ts, read
// live for the week shown. On narrow screens it stays hidden and reads
// nothing: the query starts when the media query first matches and stops
// when it no longer does. Picking a block shows that session's card in the
// list, or its details under the calendar when the list does not hold it.
import type { Firestore, Unsubscribe } from "firebase/firestore";
import { label, strings } from "../../i18n/index.js";
import { el, plainButton } from "../../islands/dom.js";
import { formatDay, formatTime } from "../../lib/format.js";
import type { AppContext } from "../context.js";
import { sessionCard } from "./today-card.js";
import { dateIn, sessionFrom, type Session } from "./today-data.js";
import { weekDates, weekLayout, type Block } from "./week-layout.js";
import { weekText } from "./week.text.js";
import "./week.css";

/** Wide enough for the list and the week side by side (week.css uses the same width). */
const WIDE = "(min-width: 64em)";

/** What the calendar needs from the Today screen. */
export interface WeekDeps {
  ctx: AppContext;
  fs: typeof import("firebase/firestore");
  db: Firestore;
  luxon: typeof import("luxon");
  zone: string;
  /** The Today list, where a picked session's card is looked for. */
  list: HTMLElement;
  /** The client's name; a stand-in until it has loaded (the screen then calls draw() again). */
  who(clientUid: string): string;
  /** The session type's title, or "" until the offerings have loaded. */
  what(offeringId: string): string;
}

/** The calendar; `element` goes beside the list, stop() ends its listeners. */
export class WeekCalendar {
  readonly element = el("section", undefined, "week");
  private readonly t;
  private readonly media = matchMedia(WIDE);
  private readonly heading = el("h2");
  private readonly grid = el("div", undefined, "week-body");
  private readonly detail = el("div", undefined, "week-detail");
  /** The Monday shown ("2026-11-23"); empty until first shown. */
  private monday = "";
  private sessions: Session[] = [];
  private loaded = false;
  private stopReading: Unsubscribe | undefined;
  /** What the grid shows now: an unchanged week is not drawn again (a focused block keeps its focus). */
  private drawn = "";
  private readonly onMedia = () => this.showOrHide();

  constructor(private readonly deps: WeekDeps) {
    this.t = weekText(deps.ctx.lang);
    this.element.hidden = true;
    this.heading.id = "week-heading";
    this.heading.setAttribute("aria-live", "polite");
    this.element.setAttribute("aria-labelledby", this.heading.id);
    this.detail.hidden = true;
    const nav = el("div", undefined, "week-nav");
    nav.append(
      plainButton(this.t.previous, () => this.show(this.shifted(-1))),
      plainButton(this.t.thisWeek, () => this.show(this.currentMonday())),
      plainButton(this.t.next, () => this.show(this.shifted(1))),
    );
    const bar = el("div", undefined, "week-bar");
    bar.append(this.heading, nav);
    this.element.append(bar, this.grid, this.detail);
    this.media.addEventListener("change", this.onMedia);
    this.showOrHide();
  }

  stop(): void {
    this.media.removeEventListener("change", this.onMedia);
    this.stopReading?.();
  }

  /** Draws the grid again if anything it shows changed (new sessions, a name or title that arrived, a new day). */
  draw(): void {
    if (this.element.hidden || !this.loaded) return;
    this.grid.removeAttribute("aria-busy");
    const { ctx, zone } = this.deps;
    const days = weekDates(this.monday);
    const layout = weekLayout(this.sessions, days, zone);
    const today = dateIn(new Date(), zone);
    const facts = layout.blocks.map((b) => [
      b.session.signature,
      b.day,
      b.from,
      b.to,
      b.lane,
      b.lanes,
      this.deps.who(b.session.clientUid),
      this.deps.what(b.session.offeringId),
    ]);
    const drawn = JSON.stringify([this.monday, today, layout.fromHour, layout.toHour, facts]);
    if (drawn === this.drawn) return;
    this.drawn = drawn;
    const focusedId =
      document.activeElement instanceof HTMLElement && this.grid.contains(document.activeElement) ? document.activeElement.dataset.bookingId : undefined;

    const table = el("table", undefined, "week-grid");
    table.setAttribute("aria-labelledby", this.heading.id);
    const head = table.createTHead().insertRow();
    const corner = el("th", undefined);
    corner.scope = "col";
    corner.append(el("span", this.t.time, "visually-hidden"));
    head.append(corner);
    const dayName = new Intl.DateTimeFormat(ctx.locale, { weekday: "short", day: "numeric", timeZone: "UTC" });
    for (const date of days) {
      const th = el("th", dayName.format(new Date(`${date}T12:00:00Z`)));
      th.scope = "col";
      if (date === today) th.setAttribute("aria-current", "date");
      head.append(th);
    }
    const row = table.createTBody().insertRow();
    row.style.setProperty("--hours", String(layout.toHour - layout.fromHour));
    const hours = el("td", undefined, "hours");
    hours.setAttribute("aria-hidden", "true");
    const minutes = (layout.toHour - layout.fromHour) * 60;
    const share = (part: number) => `${(100 * part) / minutes}%`;
    for (let hour = layout.fromHour; hour < layout.toHour; hour += 1) {
      const mark = el("span", `${String(hour).padStart(2, "0")}:00`);
      mark.style.top = share((hour - layout.fromHour) * 60);
      hours.append(mark);
    }
    row.append(hours);
    for (const [index, date] of days.entries()) {
      const cell = el("td", undefined, date === today ? "day today" : "day");
      cell.dataset.date = date;
      for (const block of layout.blocks.filter((b) => b.day === index)) {
        const button = this.blockButton(block);
        button.style.top = share(block.from - layout.fromHour * 60);
        button.style.height = share(block.to - block.from);
        button.style.left = `${(100 * block.lane) / block.lanes}%`;
        button.style.width = `calc(${100 / block.lanes}% - 2px)`;
        cell.append(button);
      }
      row.append(cell);
    }
    const empty = layout.blocks.length ? [] : [el("p", this.t.empty, "muted")];
    this.grid.replaceChildren(table, ...empty);
    if (focusedId) this.grid.querySelector<HTMLElement>(`[data-booking-id="${CSS.escape(focusedId)}"]`)?.focus();
  }

  /** A session's block; its name says the day, time, client, session type and status ("Wed 25 Nov, 10:30–12:00 Lena Fischer Match play, requested"). */
  private blockButton({ session }: Block<Session>): HTMLButtonElement {
    const { ctx, zone } = this.deps;
    const button = el("button", undefined, `block status-${session.status}`);
    button.type = "button";
    button.dataset.bookingId = session.id;
    const times = `${formatTime(session.start.toISOString(), zone, ctx.locale)}–${formatTime(session.end.toISOString(), zone, ctx.locale)}`;
    const who = this.deps.who(session.clientUid);
    const what = this.deps.what(session.offeringId);
    // The spaces keep the lines' words apart for assistive technology (the lines are blocks only to the eye).
    button.append(el("span", times, "line time"), " ", el("span", who, "line who"), " ", el("span", what, "line what"));
    // The visible lines, with the day before and the status after: the name starts with what a sighted coach reads in the column heading.
    const day = formatDay(session.start.toISOString(), zone, ctx.locale);
    button.setAttribute("aria-label", `${[`${day},`, times, who, what].filter(Boolean).join(" ")}, ${label(strings(ctx.lang).status, session.status)}`);
    button.addEventListener("click", () => this.pick(session, button));
    return button;
  }

  /** Shows a picked session: its card in the list (scrolled to, focused, marked for a moment), else its details here. */
  private pick(session: Session, button: HTMLButtonElement): void {
    const card = this.deps.list.querySelector<HTMLElement>(`li[data-booking-id="${CSS.escape(session.id)}"]`);
    for (const marked of this.deps.list.querySelectorAll(".picked")) marked.classList.remove("picked");
    if (card) {
      this.detail.hidden = true;
      card.tabIndex = -1;
      card.classList.add("picked");
      card.scrollIntoView({ block: "center", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
      card.focus({ preventScroll: true });
      return;
    }
    const { ctx, zone } = this.deps;
    const list = el("ul", undefined, "plain");
    list.append(sessionCard(ctx, zone, session, { who: this.deps.who(session.clientUid), what: this.deps.what(session.offeringId), withDay: true }));
    const close = plainButton(this.t.close, () => {
      this.detail.hidden = true;
      // Back to the block, or the one drawn in its place meanwhile.
      (button.isConnected ? button : this.grid.querySelector<HTMLElement>(`[data-booking-id="${CSS.escape(session.id)}"]`))?.focus();
    });
    this.detail.replaceChildren(list, close);
    this.detail.hidden = false;
    close.focus();
  }

  /** Starts reading when the screen is wide (first time: this week), stops when it is narrow. */
  private showOrHide(): void {
    if (!this.media.matches) {
      this.stopReading?.();
      this.stopReading = undefined;
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    this.show(this.monday || this.currentMonday());
  }

  /** This week's Monday in the coach's zone. */
  private currentMonday(): string {
    return this.deps.luxon.DateTime.now().setZone(this.deps.zone).startOf("week").toISODate() ?? "";
  }

  /** The Monday `weeks` weeks from the one shown. */
  private shifted(weeks: number): string {
    return this.deps.luxon.DateTime.fromISO(this.monday).plus({ weeks }).toISODate() ?? "";
  }

  /**
   * Reads the week of `monday` live: bookings from its Monday 00:00 to the
   * next Monday 00:00 in the coach's zone (one range on startsAt, as Today's
   * own read: the automatic single-field index serves it).
   */
  private show(monday: string): void {
    this.stopReading?.();
    const { fs, db, ctx, luxon, zone } = this.deps;
    const { collection, onSnapshot, orderBy, query, Timestamp, where } = fs;
    if (monday !== this.monday) this.detail.hidden = true;
    this.monday = monday;
    this.loaded = false;
    const start = luxon.DateTime.fromISO(monday, { zone });
    const dates = new Intl.DateTimeFormat(ctx.locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    this.heading.textContent = this.t.heading(dates.formatRange(new Date(`${monday}T12:00:00Z`), new Date(`${weekDates(monday)[6]}T12:00:00Z`)));
    this.grid.setAttribute("aria-busy", "true");
    const bookings = collection(db, "coaches", ctx.coachId, "bookings");
    const range = query(
      bookings,
      where("startsAt", ">=", Timestamp.fromMillis(start.toMillis())),
      where("startsAt", "<", Timestamp.fromMillis(start.plus({ weeks: 1 }).toMillis())),
      orderBy("startsAt"),
    );
    this.stopReading = onSnapshot(
      range,
      (snapshot) => {
        this.sessions = snapshot.docs.flatMap((d) => sessionFrom(d.id, d.data()) ?? []);
        this.loaded = true;
        this.draw();
      },
      (error) => ctx.showError(error),
    );
  }
}
