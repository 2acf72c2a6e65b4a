// Settings → Invoices (setInvoiceSettings): who issues the invoices (legal
// name, address, tax number or VAT ID), VAT (regular with a default rate and
// the rates of session types and packs that differ, or §19 small business),
// numbering, payment terms and the bank; and the export of a period for the
// accountant (exportDocuments: a CSV, and the PDFs as a ZIP).
import type { Api } from "../../../../functions/src/api/index.js";
import type { InvoiceSettings, VatRate } from "../../../../functions/src/domain/invoices.js";
import { downloadFile, el, failureText, whileBusy } from "../../islands/dom.js";
import { downloadBase64 } from "../../islands/portal-documents.js";
import { SettingsForm, checkbox, field, input, inputSchema, section, select, uniqueId, type Built, type FieldProblem } from "./settings-form.js";
import type { Offering, PackTemplate, SettingsEnv, WithId } from "./settings-env.js";
import type { SettingsText } from "./settings.text.js";

type InvoiceRequest = Api["setInvoiceSettings"]["input"];
type Domain = typeof import("../../../../functions/src/domain/invoices.js");

const RATES: readonly VatRate[] = [19, 7, 0];
const asRate = (value: string): VatRate => (value === "7" ? 7 : value === "0" ? 0 : 19);

/** A calendar date's parts in a zone: now in Europe/Berlin → { year: 2026, month: 3, day: 15 }. */
export function todayIn(timeZone: string, now: Date = new Date()): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "1");
  return { year: part("year"), month: part("month"), day: part("day") };
}

/** The calendar month before a date's: 2026-03-15 → 2026-02-01 to 2026-02-28; 2026-01-10 → 2025-12-01 to 2025-12-31. */
export function previousMonth(today: { year: number; month: number }): { from: string; to: string } {
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  // Day 0 of this month is the last day of the one before.
  return { from: iso(new Date(Date.UTC(today.year, today.month - 2, 1))), to: iso(new Date(Date.UTC(today.year, today.month - 1, 0))) };
}

/** A select of the three rates. */
const rateSelect = (t: SettingsText, rate: VatRate) =>
  select(
    RATES.map((r) => [String(r), t.rate(r)]),
    String(rate),
  );

/**
 * The rate of each session type or pack: a select that follows the default
 * rate until the coach picks another; only the ones that differ from the
 * default are sent (19 % default, a pack at 7 % → [{ kind: "pack", id, rate: 7 }]).
 */
class RateChoices {
  readonly element = el("div");
  private readonly choices: { kind: "offering" | "pack"; id: string; control: HTMLSelectElement; follows: boolean }[] = [];

  constructor(
    private readonly t: SettingsText,
    private readonly defaultRate: HTMLSelectElement,
    settings: InvoiceSettings | null,
    offerings: WithId<Offering>[],
    templates: WithId<PackTemplate>[],
  ) {
    const rateOf = (kind: "offering" | "pack", id: string) => settings?.rates.find((r) => r.kind === kind && r.id === id)?.rate;
    const group = (legend: string, kind: "offering" | "pack", items: { id: string; name: string }[]) => {
      if (items.length === 0) return;
      const box = el("fieldset");
      box.append(el("legend", legend), el("p", t.ratesHint, "hint"));
      for (const item of items) {
        const own = rateOf(kind, item.id);
        const control = rateSelect(t, own ?? asRate(defaultRate.value));
        const choice = { kind, id: item.id, control, follows: own === undefined || String(own) === defaultRate.value };
        control.addEventListener("change", () => (choice.follows = control.value === defaultRate.value));
        this.choices.push(choice);
        box.append(field(item.name, control, { path: "settings.rates" }));
      }
      this.element.append(box);
    };
    group(
      t.ratesOfferings,
      "offering",
      offerings.map((o) => ({ id: o.id, name: o.data.title })),
    );
    group(
      t.ratesPacks,
      "pack",
      templates.map((p) => ({ id: p.id, name: p.data.name })),
    );
    defaultRate.addEventListener("change", () => {
      for (const choice of this.choices) if (choice.follows) choice.control.value = defaultRate.value;
    });
  }

  /** Whether anything is invoiced at 0 % (the default or a session type's or pack's own rate): then the exemption must be named. */
  usesZero(): boolean {
    return this.defaultRate.value === "0" || this.choices.some((c) => c.control.value === "0");
  }

  /** The overrides: rates that differ from the default. */
  overrides(): InvoiceSettings["rates"] {
    return this.choices.filter((c) => c.control.value !== this.defaultRate.value).map((c) => ({ kind: c.kind, id: c.id, rate: asRate(c.control.value) }));
  }
}

/** Two radios asking regular VAT or §19 small business; none checked until the coach answers. */
function vatModeChoice(t: SettingsText, mode: InvoiceSettings["vatMode"] | undefined) {
  const box = el("fieldset", undefined, "vat-mode");
  box.append(el("legend", t.vatMode));
  const name = uniqueId("vat-mode");
  const radio = (label: string, value: InvoiceSettings["vatMode"]) => {
    const control = input({ type: "radio", value, checked: mode === value, required: true, id: uniqueId("vat") });
    control.name = name;
    control.dataset.path = "settings.vatMode";
    control.dataset.label = t.vatMode;
    const wrap = Object.assign(el("label", undefined, "check"), { htmlFor: control.id });
    wrap.append(control, label);
    box.append(wrap);
    return control;
  };
  const regular = radio(t.vatRegular, "regular");
  const small = radio(t.vatSmall, "small_business");
  return {
    box,
    regular,
    small,
    value: (): InvoiceSettings["vatMode"] | undefined => (regular.checked ? "regular" : small.checked ? "small_business" : undefined),
  };
}

/** The Invoices section: the settings form, then the export for the accountant. */
export function invoicesSection(env: SettingsEnv, offerings: WithId<Offering>[], templates: WithId<PackTemplate>[], domain: Domain): HTMLElement {
  const { t, ctx } = env;
  const saved = env.coach.invoicing;
  const state = el("p");
  state.setAttribute("role", "status");
  const showState = () => (state.textContent = env.coach.invoicing ? t.invoicesOn : t.invoicesOff);
  showState();

  const legalName = input({ value: saved?.legalName ?? env.coach.name, required: true, maxLength: 100 });
  const address = Object.assign(el("textarea"), { value: saved?.address ?? "", required: true, maxLength: 300, rows: 3 });
  const taxNumber = input({ value: saved?.taxNumber ?? "", maxLength: 40 });
  const vatId = input({ value: saved?.vatId ?? "", maxLength: 20, placeholder: "DE123456789", autocomplete: "off" });
  const mode = vatModeChoice(t, saved?.vatMode);
  const defaultRate = rateSelect(t, saved?.defaultRate ?? 19);
  const rates = new RateChoices(t, defaultRate, saved, env.domain.inCoachOrder(offerings), templates);
  const exemption = input({ value: saved?.exemptionNote ?? "", maxLength: 200 });
  const exemptionField = field(t.exemptionNote, exemption, { path: "settings.exemptionNote", hint: t.exemptionHint });
  const rateBox = el("div", undefined, "rates");
  rateBox.append(field(t.defaultRate, defaultRate, { path: "settings.defaultRate" }), rates.element, exemptionField);
  const showRates = () => {
    rateBox.hidden = mode.value() === "small_business";
    exemptionField.hidden = !rates.usesZero();
  };
  showRates();
  mode.box.addEventListener("change", showRates);
  rateBox.addEventListener("change", showRates);

  const prefix = input({ value: saved?.prefix ?? "RE-", maxLength: 12, pattern: "[A-Za-z\\-]*", autocomplete: "off" });
  const yearly = checkbox(t.yearlyReset, saved?.yearlyReset ?? true, "settings.yearlyReset");
  const example = el("p", undefined, "hint number-example");
  example.setAttribute("aria-live", "polite");
  const showExample = () => {
    const stem = domain.numberStem({ prefix: prefix.value.trim(), yearlyReset: yearly.box.checked }, todayIn(env.coach.timeZone).year);
    // Each number whole on its line: "RE-2026-0001" never breaks at a dash.
    const number = (sequence: number) => el("span", domain.formatNumber(stem, sequence), "number");
    example.replaceChildren(`${t.numberExample} `, number(1), ", ", number(2), ", …");
  };
  showExample();
  prefix.addEventListener("input", showExample);
  yearly.box.addEventListener("change", showExample);
  const terms = input({ type: "number", value: String(saved?.paymentTermsDays ?? 14), min: "0", max: "90", step: "1", required: true });

  const holder = input({ value: saved?.bank?.holder ?? "", maxLength: 100, autocomplete: "off" });
  const iban = input({ value: saved?.bank?.iban ?? "", maxLength: 42, autocomplete: "off" });
  const bic = input({ value: saved?.bank?.bic ?? "", maxLength: 11, autocomplete: "off" });
  const bank = el("fieldset");
  bank.append(
    el("legend", t.bank),
    el("p", t.bankHint, "hint"),
    field(t.bankHolder, holder, { path: "settings.bank.holder" }),
    field(t.iban, iban, { path: "settings.bank.iban" }),
    field(t.bic, bic, { path: "settings.bank.bic" }),
  );

  const build = (): Built<InvoiceRequest> => {
    const vatMode = mode.value();
    if (!vatMode) return { ok: false, problems: [{ control: mode.regular, message: t.problems.required }] };
    const account = { holder: holder.value.trim(), iban: iban.value.trim(), bic: bic.value.trim() };
    const anyBank = account.holder !== "" || account.iban !== "" || account.bic !== "";
    if (anyBank && (account.holder === "" || account.iban === "")) {
      const problems: FieldProblem[] = [{ control: account.holder === "" ? holder : iban, message: t.bankIncomplete }];
      return { ok: false, problems };
    }
    const regular = vatMode === "regular";
    const settings = {
      legalName: legalName.value.trim(),
      address: address.value.trim(),
      taxNumber: taxNumber.value.trim(),
      // "de 123 456 789" is the VAT ID DE123456789.
      vatId: vatId.value.replace(/\s+/g, "").toUpperCase(),
      vatMode,
      // A small business charges no VAT: the rates it had stay stored as they were, unused.
      defaultRate: regular ? asRate(defaultRate.value) : (saved?.defaultRate ?? 19),
      rates: regular ? rates.overrides() : (saved?.rates ?? []),
      exemptionNote: exemption.value.trim(),
      prefix: prefix.value.trim(),
      yearlyReset: yearly.box.checked,
      paymentTermsDays: Number(terms.value),
      bank: anyBank ? account : null,
    };
    return { ok: true, value: { coachId: ctx.coachId, settings } };
  };
  const form = new SettingsForm<InvoiceRequest>(ctx, t, {
    build,
    schema: () => inputSchema("setInvoiceSettings"),
    save: (value) => ctx.call("setInvoiceSettings", value),
    afterSave: (value) => {
      env.coach = { ...env.coach, invoicing: domain.InvoiceSettings.parse(value.settings) };
      showState();
    },
  });
  form.append(
    field(t.legalName, legalName, { path: "settings.legalName" }),
    field(t.invoiceAddress, address, { path: "settings.address", hint: t.invoiceAddressHint }),
    field(t.taxNumber, taxNumber, { path: "settings.taxNumber", hint: t.taxHint }),
    field(t.vatId, vatId, { path: "settings.vatId" }),
    mode.box,
    rateBox,
    field(t.prefix, prefix, { path: "settings.prefix", hint: t.prefixHint }),
    yearly.wrap,
    example,
    field(t.paymentTerms, terms, { path: "settings.paymentTermsDays" }),
    bank,
  );
  return section(t.invoices, "invoices", el("p", t.invoicesHint, "hint"), state, form.form, exportBox(env));
}

/** The export of a period (the previous month by default, in the coach's zone): the CSV and, if any, the ZIP of PDFs. */
function exportBox(env: SettingsEnv): HTMLElement {
  const { t, ctx } = env;
  const period = previousMonth(todayIn(env.coach.timeZone));
  const from = input({ type: "date", value: period.from, required: true });
  const to = input({ type: "date", value: period.to, required: true });
  const button = Object.assign(el("button", t.exportButton), { type: "submit" });
  const done = el("p", undefined, "saved");
  done.setAttribute("role", "status");
  const problem = el("p", undefined, "form-error");
  problem.setAttribute("role", "alert");
  problem.hidden = true;
  const form = el("form", undefined, "export");
  const heading = el("h3", t.exportTitle);
  heading.id = uniqueId("export");
  form.setAttribute("aria-labelledby", heading.id);
  const dates = el("div", undefined, "row");
  dates.append(field(t.exportFrom, from), field(t.exportTo, to));
  const actions = el("p", undefined, "actions");
  actions.append(button);
  form.append(heading, el("p", t.exportHint, "hint"), dates, actions, done, problem);
  form.addEventListener("input", () => {
    done.textContent = "";
    problem.hidden = true;
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    done.textContent = "";
    problem.hidden = true;
    if (!form.reportValidity()) return;
    if (to.value < from.value) {
      problem.textContent = t.exportDates;
      problem.hidden = false;
      to.focus();
      return;
    }
    void whileBusy(
      button,
      async () => {
        const result = await ctx.call("exportDocuments", { coachId: ctx.coachId, from: from.value, to: to.value, withPdfs: true });
        downloadFile(result.csvFilename, result.csv, "text/csv");
        const files = [result.csvFilename];
        if (result.zipBase64) {
          downloadBase64(result.zipFilename, result.zipBase64, "application/zip");
          files.push(result.zipFilename);
        }
        done.textContent = t.exported(files, result.documents, result.payments);
      },
      (error) => {
        problem.textContent = failureText(ctx.lang, error);
        problem.hidden = false;
      },
    );
  });
  return form;
}
