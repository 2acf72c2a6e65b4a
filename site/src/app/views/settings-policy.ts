// Settings → cancellation policy (setCancellationPolicy): the window, what a
// late cancellation does, and the reasons a charge may be waived for.
import type { z } from "zod";
import type * as api from "../../../../functions/src/domain/api.js";
import { el } from "../../islands/dom.js";
import { RowList, SettingsForm, field, input, schemas, select, section, type Built } from "./settings-form.js";
import type { SettingsEnv } from "./settings-env.js";
import { idFrom } from "./settings-parse.js";

type PolicyRequest = z.input<typeof api.SetCancellationPolicyInput>;
type Reason = SettingsEnv["coach"]["cancellationPolicy"]["waiverReasons"][number];

/** The policy form; a reason keeps its id when its label is edited (bookings waived with it keep pointing at it). */
export function policySection(env: SettingsEnv): HTMLElement {
  const { t, ctx } = env;
  const policy = env.coach.cancellationPolicy;
  const windowHours = input({ type: "number", value: String(policy.windowHours), min: "0", max: "336", step: "1", required: true });
  const lateCancel = select(
    [
      ["count_as_used", t.lateCountAsUsed],
      ["credit", t.lateCredit],
    ],
    policy.lateCancel,
  );
  const reasons = new RowList<Reason>(
    "policy.waiverReasons",
    t.waiverReasons,
    policy.waiverReasons,
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
  const build = (): Built<PolicyRequest> => {
    const taken = new Set(reasons.rows().flatMap((row) => (row.dataset.id ? [row.dataset.id] : [])));
    const waiverReasons = reasons.rows().map((row) => {
      const label = row.querySelector<HTMLInputElement>("[data-field]")?.value.trim() ?? "";
      const id = row.dataset.id || idFrom(label, taken, { digits: false, max: 31, fallback: "reason" });
      taken.add(id);
      return { id, label };
    });
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
    schema: async () => (await schemas()).SetCancellationPolicyInput,
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
