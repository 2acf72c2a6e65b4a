// Settings → session types (saveOffering) and session packs
// (savePackTemplate): each item is a collapsible form; "New …" creates one.
import type { Api } from "../../../../functions/src/api/index.js";
import { el } from "../../islands/dom.js";
import { formatMoney } from "../../lib/format.js";
import { SettingsForm, checkbox, field, input, inputSchema, select, section, type Built, type FieldProblem } from "./settings-form.js";
import { readList, type Offering, type PackTemplate, type SettingsEnv, type WithId } from "./settings-env.js";
import { formatMoneyInput, idFrom, parseMoney } from "./settings-parse.js";

type OfferingRequest = Api["saveOffering"]["input"];
type PackRequest = Api["savePackTemplate"]["input"];

/** A new document id from a title: "Match play (90 min)" → "match_play_90_min-k3f9". */
function newId(title: string): string {
  const base = idFrom(title, new Set(), { digits: true, max: 40, fallback: "item" });
  return `${base}-${crypto.randomUUID().slice(0, 4)}`;
}

/**
 * A list of collapsible item forms plus one "new" form; after a new item is
 * saved it joins the list and the new form is emptied.
 */
function catalogue<T>(args: {
  kind: string;
  title: string;
  newLabel: string;
  items: WithId<T>[];
  summary: (data: T) => string;
  form: (item: WithId<T> | undefined, saved: (item: WithId<T>) => void) => HTMLElement;
  /** Controls shown above an item's form (moving it in the list). */
  tools?: (item: WithId<T>) => HTMLElement;
  empty?: HTMLElement;
  savedText: string;
}): HTMLElement {
  const list = el("div", undefined, "items");
  const item = (entry: WithId<T>, open = false) => {
    const details = el("details");
    details.dataset.itemId = entry.id;
    details.open = open;
    const summary = el("summary", args.summary(entry.data));
    details.append(
      summary,
      ...(args.tools ? [args.tools(entry)] : []),
      args.form(entry, (saved) => {
        summary.textContent = args.summary(saved.data);
      }),
    );
    return details;
  };
  list.append(...args.items.map((entry) => item(entry)));
  const fresh = el("details", undefined, "new-item");
  const freshForm = () =>
    args.form(undefined, (saved) => {
      list.append(item(saved));
      // An empty form for the next one, still saying that this one was saved.
      const summary = el("summary", args.newLabel);
      fresh.replaceChildren(summary, freshForm());
      const status = fresh.querySelector(".saved");
      if (status) status.textContent = args.savedText;
      summary.focus();
    });
  fresh.append(el("summary", args.newLabel), freshForm());
  return section(args.title, args.kind, ...(args.empty ? [args.empty] : [list, fresh]));
}

/** Session types; the place list follows the profile's locations. */
export function offeringsSection(env: SettingsEnv, items: WithId<Offering>[]): HTMLElement {
  const { t, ctx } = env;
  const currency = ctx.coach.currency || env.coach.currency;
  const money = (minor: number) => formatMoney(minor, currency, ctx.locale);
  const form = (item: WithId<Offering> | undefined, saved: (entry: WithId<Offering>) => void): HTMLElement => {
    const o = item?.data;
    const title = input({ value: o?.title ?? "", required: true, maxLength: 100 });
    const duration = input({ type: "number", value: String(o?.durationMinutes ?? 60), min: "5", max: "720", step: "5", required: true });
    const price = input({ value: o ? formatMoneyInput(o.priceMinor, currency, ctx.locale) : "", inputMode: "decimal", required: true });
    const fee = input({ value: o && o.extraFeeMinor ? formatMoneyInput(o.extraFeeMinor, currency, ctx.locale) : "", inputMode: "decimal" });
    const location = select(
      env.coach.locations.map((l) => [l.id, l.name]),
      o?.locationId ?? env.coach.locations[0]?.id ?? "",
    );
    const pack = checkbox(t.packEligible, o?.packEligible ?? true, "offering.packEligible");
    const online = checkbox(t.bookableOnline, o?.bookableOnline ?? true, "offering.bookableOnline");
    const confirmation = select(
      [
        ["", t.confirmationDefault],
        ["instant", t.confirmationInstant],
        ["coach", t.confirmationCoach],
      ],
      o?.rules.confirmation ?? "",
    );
    const build = (): Built<OfferingRequest> => {
      const problems: FieldProblem[] = [];
      const priceMinor = parseMoney(price.value, currency);
      if (!priceMinor.ok) problems.push({ control: price, message: t.problems[priceMinor.problem] });
      const feeMinor = fee.value.trim() ? parseMoney(fee.value, currency) : ({ ok: true, value: 0 } as const);
      if (!feeMinor.ok) problems.push({ control: fee, message: t.problems[feeMinor.problem] });
      if (!priceMinor.ok || !feeMinor.ok) return { ok: false, problems };
      // Rules this form does not show (buffer, step, …) stay as they were.
      const { confirmation: _old, ...otherRules } = o?.rules ?? {};
      const picked = confirmation.value;
      const chosen = picked === "instant" || picked === "coach" ? picked : undefined;
      const rules: Offering["rules"] = chosen ? { ...otherRules, confirmation: chosen } : otherRules;
      const offering = {
        title: title.value.trim(),
        durationMinutes: Number(duration.value),
        priceMinor: priceMinor.value,
        extraFeeMinor: feeMinor.value,
        locationId: location.value,
        packEligible: pack.box.checked,
        bookableOnline: online.box.checked,
        rules,
      };
      return { ok: true, value: { coachId: ctx.coachId, offeringId: item?.id ?? newId(offering.title), offering } };
    };
    const settings = new SettingsForm<OfferingRequest>(ctx, t, {
      build,
      schema: () => inputSchema("saveOffering"),
      save: (value) => ctx.call("saveOffering", value),
      afterSave: (value) => {
        saved({ id: value.offeringId, data: env.domain.Offering.parse(value.offering) });
        env.events.dispatchEvent(new Event("offerings-changed"));
      },
    });
    settings.append(
      field(t.title, title, { path: "offering.title" }),
      field(t.duration, duration, { path: "offering.durationMinutes" }),
      field(t.price(currency), price, { path: "offering.priceMinor" }),
      field(t.extraFee(currency), fee, { path: "offering.extraFeeMinor" }),
      field(t.location, location, { path: "offering.locationId" }),
      pack.wrap,
      online.wrap,
      field(t.confirmation, confirmation, { path: "offering.rules" }),
    );
    return settings.form;
  };
  const box = el("div");
  /** The ids in the order the list shows (the coach's order): moving one saves the whole order. */
  let order: string[] = [];
  const render = (entries: WithId<Offering>[]) => {
    const sorted = env.domain.inCoachOrder(entries);
    order = sorted.map((entry) => entry.id);
    box.replaceChildren(
      catalogue({
        kind: "offerings",
        title: t.offerings,
        newLabel: t.newOffering,
        items: sorted,
        summary: (o) => t.offeringSummary(o.title, o.durationMinutes, money(o.priceMinor)),
        form,
        tools: (entry) => moveButtons(entry),
        savedText: t.saved,
        empty: env.coach.locations.length === 0 ? el("p", t.needLocation, "hint") : undefined,
      }),
    );
  };
  const reload = () => readList(env, "offerings", env.domain.Offering).then(render);
  /** "Move up" / "Move down": the first session type is the booking page's default. */
  const moveButtons = (entry: WithId<Offering>): HTMLElement => {
    const row = el("p", undefined, "actions move");
    for (const [label, step] of [
      [t.moveUp, -1],
      [t.moveDown, 1],
    ] as const) {
      const at = order.indexOf(entry.id);
      const button = Object.assign(el("button", label, "secondary"), { type: "button", disabled: at + step < 0 || at + step >= order.length });
      button.addEventListener("click", () => {
        const next = [...order];
        [next[at], next[at + step]] = [next[at + step]!, next[at]!];
        button.setAttribute("aria-busy", "true");
        void ctx
          .call("orderOfferings", { coachId: ctx.coachId, offeringIds: next })
          .then(reload)
          .then(() => {
            const moved = box.querySelector<HTMLDetailsElement>(`details[data-item-id="${CSS.escape(entry.id)}"]`);
            if (moved) moved.open = true;
            moved?.querySelector<HTMLButtonElement>(`.move button:not(:disabled)`)?.focus();
            env.events.dispatchEvent(new Event("offerings-changed"));
          })
          .catch((error: unknown) => ctx.showError(error))
          .finally(() => button.removeAttribute("aria-busy"));
      });
      row.append(button);
    }
    return row;
  };
  render(items);
  // New or renamed locations: draw again with the current list, so every place select offers them.
  env.events.addEventListener("coach-changed", () => void reload().catch((error: unknown) => ctx.showError(error)));
  return box;
}

/** Session packs; the "pays for" boxes follow the session types. */
export function packsSection(env: SettingsEnv, items: WithId<PackTemplate>[], offerings: WithId<Offering>[]): HTMLElement {
  const { t, ctx } = env;
  const currency = ctx.coach.currency || env.coach.currency;
  const money = (minor: number) => formatMoney(minor, currency, ctx.locale);
  let choices = offerings;
  const form = (item: WithId<PackTemplate> | undefined, saved: (entry: WithId<PackTemplate>) => void): HTMLElement => {
    const p = item?.data;
    const name = input({ value: p?.name ?? "", required: true, maxLength: 100 });
    const units = input({ type: "number", value: String(p?.units ?? 10), min: "1", max: "100", step: "1", required: true });
    const price = input({ value: p ? formatMoneyInput(p.priceMinor, currency, ctx.locale) : "", inputMode: "decimal", required: true });
    const validity = input({ type: "number", value: String(p?.validityMonths ?? 6), min: "1", max: "36", step: "1", required: true });
    const transferable = checkbox(t.transferable, p?.transferable ?? false, "template.transferable");
    // Which session types a unit pays for is asked, never assumed: a new pack has neither answer chosen.
    const eligible = el("fieldset", undefined, "covers");
    const group = `covers-${item?.id ?? "new"}`;
    eligible.append(el("legend", t.eligible));
    const coverChoice = (label: string, value: "listed" | "all") => {
      const radio = input({ type: "radio", value, checked: p ? p.eligibleOfferingIds.length > 0 === (value === "listed") : false });
      radio.name = group;
      const wrap = el("label", undefined, "check");
      wrap.append(radio, label);
      eligible.append(wrap);
      return radio;
    };
    const listed = coverChoice(t.coversListed, "listed");
    const boxes = choices
      .filter((o) => o.data.packEligible)
      .map((o) => {
        const choice = checkbox(o.data.title, p?.eligibleOfferingIds.includes(o.id) ?? false, "template.eligibleOfferingIds");
        choice.box.value = o.id;
        choice.wrap.classList.add("nested");
        eligible.append(choice.wrap);
        return choice.box;
      });
    const all = coverChoice(t.coversAll, "all");
    // Ticking a session type answers "only these".
    for (const box of boxes) box.addEventListener("change", () => (listed.checked ||= box.checked));
    const build = (): Built<PackRequest> => {
      const priceMinor = parseMoney(price.value, currency);
      if (!priceMinor.ok) return { ok: false, problems: [{ control: price, message: t.problems[priceMinor.problem] }] };
      if (!listed.checked && !all.checked) return { ok: false, problems: [{ control: listed, message: t.coversMissing }] };
      if (listed.checked && !boxes.some((b) => b.checked)) return { ok: false, problems: [{ control: boxes[0] ?? listed, message: t.coversNone }] };
      const template = {
        name: name.value.trim(),
        units: Number(units.value),
        priceMinor: priceMinor.value,
        validityMonths: Number(validity.value),
        transferable: transferable.box.checked,
        eligibleOfferingIds: all.checked ? [] : boxes.filter((b) => b.checked).map((b) => b.value),
      };
      return { ok: true, value: { coachId: ctx.coachId, templateId: item?.id ?? newId(template.name), template } };
    };
    const settings = new SettingsForm<PackRequest>(ctx, t, {
      build,
      schema: () => inputSchema("savePackTemplate"),
      save: (value) => ctx.call("savePackTemplate", value),
      afterSave: (value) => saved({ id: value.templateId, data: env.domain.PackTemplate.parse(value.template) }),
    });
    settings.append(
      field(t.packName, name, { path: "template.name" }),
      field(t.units, units, { path: "template.units" }),
      field(t.price(currency), price, { path: "template.priceMinor" }),
      field(t.validity, validity, { path: "template.validityMonths" }),
      transferable.wrap,
      eligible,
    );
    return settings.form;
  };
  const box = el("div");
  const render = (entries: WithId<PackTemplate>[]) =>
    box.replaceChildren(
      catalogue({
        kind: "packs",
        title: t.packs,
        newLabel: t.newPack,
        items: entries,
        summary: (p) => {
          const covered = choices.filter((o) => p.eligibleOfferingIds.includes(o.id)).map((o) => o.data.title);
          return `${t.packSummary(p.name, p.units, money(p.priceMinor))} · ${covered.length > 0 ? t.coversThese(covered) : t.coversEvery}`;
        },
        form,
        savedText: t.saved,
      }),
    );
  render(items);
  env.events.addEventListener("offerings-changed", () => {
    void Promise.all([readList(env, "offerings", env.domain.Offering), readList(env, "packTemplates", env.domain.PackTemplate)]).then(
      ([fresh, templates]) => {
        choices = fresh;
        render(templates);
      },
      (error) => ctx.showError(error),
    );
  });
  return box;
}
