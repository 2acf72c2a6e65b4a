// Settings → cancellation policy (setCancellationPolicy): the window, what a
// late cancellation does, and the reasons a charge may be waived for.
import type { Api } from "../../../../functions/src/api/index.js";
import { el } from "../../islands/dom.js";
import { SettingsForm, field, input, inputSchema, select, section, type Built } from "./settings-form.js";
import { RowList } from "./settings-rows.js";
import type { SettingsEnv } from "./settings-env.js";
import type { SettingsText } from "./settings.text.js";
import { idFrom } from "./settings-parse.js";

type PolicyRequest = Api["setCancellationPolicy"]["input"];
type Reason = { id: string; label: string };

/** The policy form; a reason keeps its id when its label is edited (bookings waived with it keep pointing at it). */
export function policySection(env: SettingsEnv): HTMLElement {
  const { t, ctx } = env;
  const policy = env.coach.cancellationPolicy;
  const windowHours = input({ type: "number", value: String(policy.windowHours), min: "0", max: "336", step: "1", required: true });
  const lateCancel = lateCancelSelect(t, policy.lateCancel);
  const reasons = waiverReasonRows(t, "policy.waiverReasons", policy.waiverReasons);
  const build = (): Built<PolicyRequest> => {
    const waiverReasons = waiverReasonsOf(reasons);
    return {
      ok: true,
      value: {
        coachId: ctx.coachId,
        policy: { windowHours: Number(windowHours.value), lateCancel: lateCancel.value === "credit" ? "credit" : "count_as_used", waiverReasons },
      },
    };
  };
  const form = new SettingsForm<PolicyRequest>(ctx, t, {
    build,
    schema: () => inputSchema("setCancellationPolicy"),
    save: (value) => ctx.call("setCancellationPolicy", value),
    afterSave: ({ policy: saved }) => {
      reasons.rows().forEach((row, index) => {
        row.dataset.id = saved.waiverReasons?.[index]?.id ?? "";
      });
    },
  });
  form.append(
    field(t.windowHours, windowHours, { path: "policy.windowHours" }),
    field(t.lateCancel, lateCancel, { path: "policy.lateCancel" }),
    reasons.fieldset,
  );
  return section(t.policy, "policy", el("p", t.coachCancelNote, "hint"), form.form);
}

/** What a late cancellation does: counts as used, or is credited anyway. */
export function lateCancelSelect(t: SettingsText, value: string): HTMLSelectElement {
  return select(
    [
      ["count_as_used", t.lateCountAsUsed],
      ["credit", t.lateCredit],
    ],
    value,
  );
}

/** The waiver reasons as editable rows (Settings and the sign-up wizard); `path` is the schemas' issue path. */
export function waiverReasonRows(t: SettingsText, path: string, reasons: Reason[]): RowList<Reason> {
  return new RowList<Reason>(
    path,
    t.waiverReasons,
    reasons,
    (reason) => {
      const row = el("div", undefined, "row reason");
      if (reason) row.dataset.id = reason.id;
      const label = input({ value: reason?.label ?? "", required: true, maxLength: 60 });
      label.dataset.field = "label";
      row.append(field(t.reasonLabel, label));
      return row;
    },
    t.addReason,
    t.remove,
  );
}

/** The reasons as typed; a reason keeps its id when its label is edited, a new one gets one from its label. */
export function waiverReasonsOf(reasons: RowList<Reason>): Reason[] {
  const taken = new Set(reasons.rows().flatMap((row) => (row.dataset.id ? [row.dataset.id] : [])));
  return reasons.rows().map((row) => {
    const label = row.querySelector<HTMLInputElement>("[data-field]")?.value.trim() ?? "";
    const id = row.dataset.id || idFrom(label, taken, { digits: false, max: 31, fallback: "reason" });
    taken.add(id);
    return { id, label };
  });
}
