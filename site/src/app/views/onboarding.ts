// The sign-up wizard (an account without a coach profile lands here): five
// short steps with defaults a coach may keep — who they are, the page's
// address (checked live), place and first session type, weekly hours, the
// cancellation policy and an optional pack — then one createCoach call. It
// ends on the live page's address, to share as a link or a QR code.
import type { Api } from "../../../../functions/src/api/index.js";
import { label } from "../../i18n/index.js";
import { CallableError } from "../../client/callable.js";
import { el, plainButton } from "../../islands/dom.js";
import type { AppContext } from "../context.js";
import { slugChecker, slugInput } from "./slug-check.js";
import { COMMON_CURRENCIES, browserTimeZone, defaultCurrency, defaultWaivers } from "./onboarding-defaults.js";
import { showDone } from "./onboarding-done.js";
import { onboardingText } from "./onboarding.text.js";
import { SettingsForm, checkbox, field, input, inputSchema, select, type Built, type FieldProblem } from "./settings-form.js";
import { formatDayHours, parseDayHours, parseMoney, type Interval } from "./settings-parse.js";
import { lateCancelSelect, waiverReasonRows, waiverReasonsOf } from "./settings-policy.js";
import { settingsText } from "./settings.text.js";
import "./views.css";

/** What the wizard needs of the app: the signed-in account has no coach yet. */
export type SignUpContext = Pick<AppContext, "lang" | "locale" | "call" | "showError" | "say">;

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A <datalist> for an input's suggestions. */
function datalist(id: string, values: readonly string[]): HTMLDataListElement {
  const list = Object.assign(el("datalist"), { id });
  list.append(...values.map((value) => Object.assign(el("option"), { value })));
  return list;
}

/** Shows the wizard in `root`; `onDone` opens the back office of the new coach. */
export async function renderOnboarding(ctx: SignUpContext, root: HTMLElement, onDone: () => void): Promise<void> {
  const t = onboardingText(ctx.lang);
  const st = settingsText(ctx.lang);
  const domain = await import("../../../../functions/src/domain/onboarding.js");
  const requestId = crypto.randomUUID();

  // 1 · About you
  const name = input({ required: true, maxLength: 100, autocomplete: "name", placeholder: t.namePlaceholder });
  const discipline = input({ required: true, maxLength: 60, placeholder: t.disciplinePlaceholder });
  const locale = select(Object.entries(st.languages), ctx.lang);

  // 2 · Your page address
  const slug = slugInput();
  const slugStatus = el("p", undefined, "hint slug-status");
  slugStatus.setAttribute("role", "status");
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const zone = browserTimeZone();
  const timeZone = input({ required: true, maxLength: 64, value: zone, autocomplete: "off" });
  timeZone.setAttribute("list", "onboarding-zones");
  const currency = input({ required: true, maxLength: 3, pattern: "[A-Z]{3}", value: defaultCurrency(navigator.languages), autocomplete: "off" });
  currency.setAttribute("list", "onboarding-currencies");
  currency.addEventListener("input", () => (currency.value = currency.value.toUpperCase()));

  // 3 · Place and first session
  const place = input({ required: true, maxLength: 100, placeholder: t.locationPlaceholder });
  const address = input({ maxLength: 200, autocomplete: "street-address" });
  const title = input({ required: true, maxLength: 100, value: t.offeringDefault });
  const duration = input({ type: "number", required: true, min: "5", max: "720", step: "5", value: "60" });
  const price = input({ required: true, inputMode: "decimal", autocomplete: "off" });

  // 4 · Weekly hours
  const days = WEEKDAYS.map((day) => {
    const control = input({ value: formatDayHours(domain.DEFAULT_WEEKLY_HOURS[day]), placeholder: st.closed, autocomplete: "off" });
    control.dataset.day = day;
    return control;
  });

  // 5 · Cancellations and packs
  const windowHours = input({ type: "number", value: "24", min: "0", max: "336", step: "1", required: true });
  const lateCancel = lateCancelSelect(st, "count_as_used");
  const reasons = waiverReasonRows(st, "setup.policy.waiverReasons", defaultWaivers(ctx.lang));
  const offerPack = checkbox(t.pack, false);
  const packName = input({ required: true, maxLength: 100, value: t.packDefault(10) });
  const packUnits = input({ type: "number", required: true, min: "1", max: "100", step: "1", value: "10" });
  const packPrice = input({ required: true, inputMode: "decimal", autocomplete: "off" });
  const packValidity = input({ type: "number", required: true, min: "1", max: "36", step: "1", value: "6" });
  const priceFields = [
    field(st.price(currency.value), price, { path: "setup.offering.priceMinor" }),
    field(st.price(currency.value), packPrice, { path: "setup.pack.priceMinor" }),
  ];
  currency.addEventListener("change", () => {
    for (const wrap of priceFields) wrap.querySelector("label")?.replaceChildren(st.price(currency.value));
  });
  const packFields = el("div", undefined, "pack-fields");
  packFields.append(
    field(t.packName, packName, { path: "setup.pack.name" }),
    field(st.units, packUnits, { path: "setup.pack.units" }),
    priceFields[1]!,
    field(st.validity, packValidity, { path: "setup.pack.validityMonths" }),
  );
  const syncPack = () => {
    packFields.hidden = !offerPack.box.checked;
    for (const control of packFields.querySelectorAll("input")) control.disabled = packFields.hidden;
  };
  offerPack.box.addEventListener("change", syncPack);
  syncPack();

  const steps = [
    [
      field(st.name, name, { path: "setup.name" }),
      field(st.discipline, discipline, { path: "setup.discipline" }),
      field(st.language, locale, { path: "setup.locale" }),
    ],
    [
      field(t.slug, slug, { path: "setup.slug", hint: t.slugHint }),
      slugStatus,
      field(t.timeZone, timeZone, { path: "setup.timeZone", hint: `${t.timeZoneHint} ${zone}.` }),
      datalist("onboarding-zones", zones),
      field(t.currency, currency, { path: "setup.currency", hint: t.currencyHint }),
      datalist("onboarding-currencies", COMMON_CURRENCIES),
    ],
    [
      field(t.locationName, place, { path: "setup.location.name" }),
      field(t.locationAddress, address, { path: "setup.location.address" }),
      field(t.offeringTitle, title, { path: "setup.offering.title" }),
      field(st.duration, duration, { path: "setup.offering.durationMinutes" }),
      priceFields[0]!,
    ],
    [
      el("p", st.weeklyHint, "hint"),
      ...days.map((control) => field(label(st.weekdays, control.dataset.day ?? ""), control, { path: `setup.weeklyHours.${control.dataset.day}` })),
    ],
    [
      field(st.windowHours, windowHours, { path: "setup.policy.windowHours" }),
      field(st.lateCancel, lateCancel, { path: "setup.policy.lateCancel" }),
      reasons.fieldset,
      offerPack.wrap,
      el("p", t.packHint, "hint"),
      packFields,
    ],
  ].map((content, index) => {
    const step = el("fieldset", undefined, "step");
    step.append(el("legend", t.steps[index]), el("p", t.stepOf(index + 1, t.steps.length), "muted step-count"), ...content);
    return step;
  });

  const slugs = slugChecker(ctx, t, slug, slugStatus);
  const form = new SettingsForm<Api["createCoach"]["input"]>(ctx, st, {
    build: buildSetup,
    label: t.create,
    schema: () => inputSchema("createCoach"),
    reveal: (control) => showStep(steps.findIndex((step) => step.contains(control))),
    save: async (value) => {
      try {
        const created = await ctx.call("createCoach", value);
        showDone(root, ctx, t, created.slug, onDone);
      } catch (error) {
        if (error instanceof CallableError && (error.reason === "SLUG_TAKEN" || error.reason === "SLUG_RESERVED")) {
          showStep(1);
          slugs.show(error.reason);
        }
        throw error;
      }
    },
  });
  const back = plainButton(t.back, () => showStep(current - 1));
  const next = plainButton(t.next, () => void goNext(), "");
  form.append(...steps);
  form.actions.prepend(back, next);

  let current = 0;
  function showStep(index: number): void {
    if (index < 0 || index >= steps.length) return;
    current = index;
    steps.forEach((step, i) => (step.hidden = i !== index));
    back.hidden = index === 0;
    next.hidden = index === steps.length - 1;
    form.submit.hidden = index !== steps.length - 1;
  }

  /** Checks the step's fields (and the address) before moving on; the address is suggested from the name once. */
  async function goNext(): Promise<void> {
    const invalid = [...(steps[current]?.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select") ?? [])].find((c) => !c.checkValidity());
    if (invalid) {
      invalid.reportValidity();
      return;
    }
    if (current === 0 && !slug.value) {
      slug.value = domain.suggestSlug(name.value);
      slugs.check();
    }
    if (current === 1 && !(await slugs.usable())) {
      slug.focus();
      return;
    }
    showStep(current + 1);
    steps[current]?.querySelector<HTMLElement>("input, select")?.focus();
  }

  function buildSetup(): Built<Api["createCoach"]["input"]> {
    const problems: FieldProblem[] = [];
    const money = (control: HTMLInputElement) => {
      const parsed = parseMoney(control.value, currency.value);
      if (!parsed.ok) problems.push({ control, message: st.problems[parsed.problem] });
      return parsed.ok ? parsed.value : 0;
    };
    const weeklyHours: Record<string, Interval[]> = {};
    for (const control of days) {
      const parsed = parseDayHours(control.value);
      if (parsed.ok) weeklyHours[control.dataset.day ?? ""] = parsed.value;
      else problems.push({ control, message: st.problems[parsed.problem] });
    }
    const waiverReasons = waiverReasonsOf(reasons);
    const priceMinor = money(price);
    const pack = offerPack.box.checked
      ? { name: packName.value.trim(), units: Number(packUnits.value), priceMinor: money(packPrice), validityMonths: Number(packValidity.value) }
      : null;
    if (problems.length) return { ok: false, problems };
    return {
      ok: true,
      value: {
        requestId,
        setup: {
          name: name.value.trim(),
          discipline: discipline.value.trim(),
          slug: slug.value,
          timeZone: timeZone.value.trim(),
          currency: currency.value,
          locale: locale.value === "de" ? "de" : "en",
          location: { name: place.value.trim(), address: address.value.trim() },
          offering: { title: title.value.trim(), durationMinutes: Number(duration.value), priceMinor },
          weeklyHours,
          policy: { windowHours: Number(windowHours.value), lateCancel: lateCancel.value === "credit" ? "credit" : "count_as_used", waiverReasons },
          pack,
        },
      },
    };
  }

  const wizard = el("section", undefined, "card onboarding");
  wizard.append(el("h1", t.heading), el("p", t.intro, "hint"), form.form);
  root.replaceChildren(wizard);
  showStep(0);
  name.focus();
}
