// Settings → availability (setAvailability): weekly hours typed per day
// ("09:00–12:00, 14:00–18:00"), time off as date ranges, and the booking
// rules. Date overrides have no editor here: they are sent back unchanged.
import type { Api } from "../../../../functions/src/api/index.js";
import { label } from "../../i18n/index.js";
import { el } from "../../islands/dom.js";
import { SettingsForm, field, input, inputSchema, select, section, type Built, type FieldProblem } from "./settings-form.js";
import { RowList } from "./settings-rows.js";
import type { SettingsEnv } from "./settings-env.js";
import { formatDayHours, hoursInput, parseDayHours, parseHoursToMinutes, type Interval } from "./settings-parse.js";

type AvailabilityRequest = Api["setAvailability"]["input"];
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type TimeOff = SettingsEnv["coach"]["timeOff"][number];

/** The availability form: one text field per weekday, time-off rows, booking rules. */
export function availabilitySection(env: SettingsEnv): HTMLElement {
  const { t, ctx, coach } = env;
  const days = WEEKDAYS.map((day) => {
    const control = input({ value: formatDayHours(coach.weeklyHours[day]), placeholder: t.closed, autocomplete: "off" });
    control.dataset.day = day;
    return control;
  });
  const weekly = el("fieldset");
  weekly.append(
    el("legend", t.weeklyHours),
    el("p", t.weeklyHint, "hint"),
    ...days.map((control) => field(label(t.weekdays, control.dataset.day ?? ""), control, { path: `weeklyHours.${control.dataset.day}` })),
  );

  const timeOff = new RowList<TimeOff>(
    "timeOff",
    t.timeOff,
    coach.timeOff,
    (entry) => {
      const row = el("div", undefined, "time-off");
      const from = input({ type: "date", value: entry?.from ?? "", required: true });
      from.dataset.field = "from";
      const to = input({ type: "date", value: entry?.to ?? "", required: true });
      to.dataset.field = "to";
      const label = input({ value: entry?.label ?? "", maxLength: 60 });
      label.dataset.field = "label";
      const dates = el("div", undefined, "row");
      dates.append(field(t.timeOffFrom, from), field(t.timeOffTo, to));
      row.append(dates, field(t.timeOffLabel, label));
      return row;
    },
    t.addTimeOff,
    t.remove,
    t.timeOffHint,
  );

  const rules = coach.bookingRules;
  const step = input({ type: "number", value: String(rules.slotStepMinutes), min: "5", max: "1440", step: "5", required: true });
  const buffer = input({ type: "number", value: String(rules.bufferMinutes), min: "0", max: "240", step: "5", required: true });
  const notice = input({ type: "number", value: hoursInput(rules.minNoticeMinutes), min: "0", max: "720", step: "any", required: true });
  const horizon = input({ type: "number", value: String(rules.horizonDays), min: "1", max: "365", step: "1", required: true });
  const confirmation = select(
    [
      ["instant", t.confirmationInstant],
      ["coach", t.confirmationCoach],
    ],
    rules.confirmation,
  );
  const ruleSet = el("fieldset");
  ruleSet.append(
    el("legend", t.bookingRules),
    field(t.slotStep, step, { path: "bookingRules.slotStepMinutes" }),
    field(t.buffer, buffer, { path: "bookingRules.bufferMinutes" }),
    field(t.minNotice, notice, { path: "bookingRules.minNoticeMinutes" }),
    field(t.horizon, horizon, { path: "bookingRules.horizonDays" }),
    field(t.confirmationRule, confirmation, { path: "bookingRules.confirmation" }),
  );

  const build = (): Built<AvailabilityRequest> => {
    const problems: FieldProblem[] = [];
    const weeklyHours: Record<string, Interval[]> = {};
    for (const control of days) {
      const parsed = parseDayHours(control.value);
      if (parsed.ok) weeklyHours[control.dataset.day ?? ""] = parsed.value;
      else problems.push({ control, message: t.problems[parsed.problem] });
    }
    const offs = timeOff.rows().map((row) => {
      const [from, to, label] = [...row.querySelectorAll<HTMLInputElement>("[data-field]")];
      if (from && to && from.value > to.value) problems.push({ control: to, message: t.problems.dates });
      return { from: from?.value ?? "", to: to?.value ?? "", label: label?.value.trim() ?? "" };
    });
    const noticeMinutes = parseHoursToMinutes(notice.value);
    if (!noticeMinutes.ok) problems.push({ control: notice, message: t.problems[noticeMinutes.problem] });
    if (problems.length || !noticeMinutes.ok) return { ok: false, problems };
    return {
      ok: true,
      value: {
        coachId: ctx.coachId,
        weeklyHours,
        dateOverrides: env.coach.dateOverrides,
        timeOff: offs,
        bookingRules: {
          slotStepMinutes: Number(step.value),
          bufferMinutes: Number(buffer.value),
          minNoticeMinutes: noticeMinutes.value,
          horizonDays: Number(horizon.value),
          confirmation: confirmation.value === "coach" ? "coach" : "instant",
        },
      },
    };
  };
  const form = new SettingsForm<AvailabilityRequest>(ctx, t, {
    build,
    schema: () => inputSchema("setAvailability"),
    save: (value) => ctx.call("setAvailability", value),
    afterSave: () => {
      // Shown as saved: "9-12" becomes "09:00–12:00".
      for (const control of days) {
        const parsed = parseDayHours(control.value);
        if (parsed.ok) control.value = formatDayHours(parsed.value);
      }
    },
  });
  const kept = coach.dateOverrides.length ? [el("p", t.overridesKept(coach.dateOverrides.length), "hint")] : [];
  form.append(weekly, timeOff.fieldset, ruleSet, ...kept);
  return section(t.availability, "availability", form.form);
}
