// "Book a session" on a client's screen: the coach books for the client (a
// request by phone or chat). A session type, a day and one of its free
// times (listSlots), or any time outside the coach's hours; once or every
// week (the weeks previewSeries finds taken are listed before confirming);
// paid with a unit of the client's pack or on site. The line above Confirm
// says what will be booked; bookForClient (or bookSeries) is called once,
// with the form's requestId.
import type { PreviewSeriesResult, SlotView } from "../../../../functions/src/api/booking.js";
import { strings } from "../../i18n/index.js";
import { seriesDates } from "../../islands/booking-series.js";
import { el } from "../../islands/dom.js";
import type { AppContext } from "../context.js";
import { loadOfferings, type OfferingState } from "./client-data.js";
import { dayTime, explain, explainAny, packAnswer } from "./client-format.js";
import type { FormEnd } from "./client-pack-forms.js";
import { clientsText } from "./clients.text.js";
import { input, operationForm, radios, select } from "./operation.js";
import { seriesText } from "./series.text.js";

/** What the form offers, loaded before it opens: the coach's session types, and luxon for the coach's zone. */
export interface BookingChoices {
  offerings: OfferingState[];
  luxon: typeof import("luxon");
}

export async function loadBookingChoices(ctx: AppContext): Promise<BookingChoices> {
  const [offerings, luxon] = await Promise.all([loadOfferings(ctx), import("luxon")]);
  return { offerings, luxon };
}

/** The form for a coach with at least one session type; its title an h3 inside a titled section, an h2 right under the page's h1. */
export function bookForClientForm(
  ctx: AppContext,
  client: { uid: string; name: string },
  choices: BookingChoices,
  end: FormEnd,
  level: "h2" | "h3" = "h3",
): HTMLFormElement {
  const t = clientsText(ctx.lang);
  const st = seriesText(ctx.lang);
  const s = strings(ctx.lang);
  const { offerings } = choices;
  const { DateTime } = choices.luxon;
  const first = offerings[0]!;
  const zone = ctx.coach.timeZone;
  const type = select(
    t.sessionType,
    "offering",
    offerings.map((o): [string, string] => [o.id, o.title]),
  );
  const date = input(t.day, "day", { type: "date", value: DateTime.now().setZone(zone).toISODate() ?? "" });
  const time = select(t.freeTime, "slot", []);
  const other = Object.assign(el("input"), { type: "checkbox", name: "other-time" });
  const otherChoice = el("label", undefined, "choice");
  otherChoice.append(other, el("span", t.otherTime));
  const otherWrap = el("div", undefined, "radios");
  otherWrap.append(otherChoice);
  const otherTime = input(t.time, "time", { type: "time", value: "18:00" });
  otherTime.wrap.hidden = true;
  const pay = radios(
    t.payWith,
    "pay",
    [
      ["pack", t.payPack],
      ["on_site", t.payOnSite],
      // Online into the coach's Stripe account: a checkout link to send the client (one session, not a series).
      ...(ctx.coach.paysOnline ? [["link", st.payLink] as [string, string]] : []),
    ],
    "pack",
  );
  const repeat = select(s.repeat, "repeat", [
    ["1", s.repeatOnce],
    ...Array.from({ length: 11 }, (_, i): [string, string] => [String(i + 2), s.repeatWeekly(i + 2)]),
  ]);
  const weeksBox = el("div", undefined, "series");
  weeksBox.setAttribute("aria-live", "polite");
  const status = el("p", undefined, "muted");
  status.setAttribute("aria-live", "polite");

  const offering = (): OfferingState => offerings.find((o) => o.id === type.control.value) ?? first;
  /** The chosen start (ISO, UTC), or undefined. */
  const start = (): string | undefined => {
    if (!other.checked) return time.control.value || undefined;
    const local = DateTime.fromISO(`${date.control.value}T${otherTime.control.value}`, { zone });
    return local.isValid ? (local.toUTC().toISO() ?? undefined) : undefined;
  };

  /** The free times of the chosen day, asked again whenever the type or the day changes. */
  let asked = 0;
  const loadTimes = async () => {
    const question = (asked += 1);
    const day = DateTime.fromISO(date.control.value, { zone });
    time.control.replaceChildren();
    if (!day.isValid) return;
    status.textContent = t.loadingTimes;
    let slots: SlotView[] = [];
    try {
      ({ slots } = await ctx.call("listSlots", { coachId: ctx.coachId, offeringId: offering().id, from: day.toUTC().toISO() ?? "", days: 1 }));
    } catch {
      // A type clients cannot book online has no free times to list: the coach picks any time.
    }
    if (question !== asked) return;
    time.control.replaceChildren(...slots.map((slot) => Object.assign(el("option", slot.localTime), { value: slot.start })));
    status.textContent = slots.length === 0 ? t.noFreeTime : "";
    form.dispatchEvent(new Event("change"));
    void checkSeries();
  };
  const showOther = () => {
    otherTime.wrap.hidden = !other.checked;
    time.wrap.hidden = other.checked;
  };
  /** The series as last asked (its request as a key), the weeks it would book, or why none. */
  let series: { key: string; preview?: PreviewSeriesResult; problem?: string } | undefined;
  const payWith = () => (pay.value() === "pack" ? ("pack" as const) : ("on_site" as const));
  const seriesRequest = (firstStart: string) => ({
    coachId: ctx.coachId,
    clientUid: client.uid,
    offeringId: offering().id,
    firstStart,
    weeks: Number(repeat.control.value),
    payWith: payWith(),
    anyTime: other.checked,
  });
  /** Asks which weeks the series would get whenever what it depends on changed; the answer redraws the line. */
  const checkSeries = async () => {
    const at = start();
    const request = at ? seriesRequest(at) : undefined;
    const key = JSON.stringify(request);
    if (series?.key === key) return;
    series = { key };
    weeksBox.replaceChildren();
    if (!request || request.weeks === 1) return;
    let answer: { preview?: PreviewSeriesResult; problem?: string };
    try {
      answer = { preview: await ctx.call("previewSeries", request) };
    } catch (error) {
      answer = { problem: explainAny(ctx, error) };
    }
    if (series.key !== key) return;
    series = { key, ...answer };
    if (answer.preview) weeksBox.replaceChildren(seriesDates(s, answer.preview.bookable, answer.preview.skipped, (at) => dayTime(ctx, at)));
    form.dispatchEvent(new Event("change"));
  };
  other.addEventListener("change", showOther);
  type.control.addEventListener("change", () => void loadTimes());
  date.control.addEventListener("change", () => void loadTimes());

  const form = operationForm({
    title: t.bookSession,
    level,
    fields: [type.wrap, date.wrap, time.wrap, status, otherWrap, otherTime.wrap, repeat.wrap, weeksBox, pay.wrap],
    after: () => {
      const at = start();
      if (!at) return { problem: t.needTime };
      const paidWith = pay.value() === "pack" ? t.payPack : pay.value() === "link" ? st.payLink : t.payOnSite;
      if (repeat.control.value === "1") return { line: t.afterBook(offering().title, dayTime(ctx, at), client.name, paidWith) };
      if (pay.value() === "link") return { problem: st.linkOnce };
      if (series?.key !== JSON.stringify(seriesRequest(at)) || (!series.preview && !series.problem)) return { problem: st.checking };
      if (!series.preview) return { problem: series.problem ?? st.checking };
      if (series.preview.bookable.length === 0) return { problem: st.noWeekFree };
      return { line: st.afterSeries(offering().title, dayTime(ctx, at), series.preview.bookable.length, client.name, paidWith) };
    },
    confirm: t.bookSession,
    cancel: t.cancelOp,
    run: async (requestId) => {
      const at = start() ?? "";
      const request = seriesRequest(at);
      if (request.weeks > 1) {
        const booked = await ctx.call("bookSeries", { requestId, ...request });
        const line = st.seriesBooked(booked.booked.length, booked.skipped.length);
        return booked.packs[0] ? `${line} ${packAnswer(ctx, booked.packs[0])}` : line;
      }
      const booked = await ctx.call("bookForClient", { requestId, ...request, payWith: pay.value() === "link" ? "link" : request.payWith, start: at });
      if (booked.paymentLink) return `${t.booked(dayTime(ctx, booked.start))} ${st.linkToSend(booked.paymentLink)}`;
      const line = t.booked(dayTime(ctx, booked.start));
      return booked.pack ? `${line} ${packAnswer(ctx, booked.pack)}` : line;
    },
    done: end.finish,
    closed: end.close,
    explain: (error) => explain(ctx, error),
  });
  // A change of any field (not the form's own redraw) may change the series' weeks.
  form.addEventListener("change", (event) => event.target !== form && void checkSeries());
  void loadTimes();
  return form;
}
