// Settings → notifications (setNotificationSettings: quiet hours, reminders,
// open payments, daily agenda, clients' e-mail reminders), push on this device (registerDevice /
// unregisterDevice) and the private calendar feed (setCalendarFeed).
import type { Api } from "../../../../functions/src/api/index.js";
import { PushPermissionError, pushRegistrar } from "../../client/push.js";
import { el, plainButton } from "../../islands/dom.js";
import { appServiceWorker } from "../pwa.js";
import { SettingsForm, checkbox, field, input, inputSchema, section, type Built } from "./settings-form.js";
import type { SettingsEnv } from "./settings-env.js";
import { parseMinutesList } from "./settings-parse.js";

type NotificationsRequest = Api["setNotificationSettings"]["input"];

/** Where this browser keeps the push token it registered (to unregister it, and to show the switch's state). */
export const REGISTERED_TOKEN_KEY = "solocoach.pushToken.registered";

/** Quiet hours, reminders, open-payment delay and agenda. */
export function notificationsSection(env: SettingsEnv): HTMLElement {
  const { t, ctx } = env;
  const settings = env.coach.notifications;
  const quiet = checkbox(t.quietOn, settings.quietHours !== null);
  const quietFrom = input({ type: "time", value: settings.quietHours?.from ?? "21:00", required: true });
  const quietTo = input({ type: "time", value: settings.quietHours?.to ?? "07:00", required: true });
  const evening = settings.leadTimes.find((lead) => lead.kind === "evening_before");
  const eveningOn = checkbox(t.eveningOn, evening !== undefined);
  const eveningAt = input({ type: "time", value: evening?.kind === "evening_before" ? evening.at : "18:00", required: true });
  const before = input({
    value: settings.leadTimes.flatMap((lead) => (lead.kind === "before" ? [String(lead.minutes)] : [])).join(", "),
    inputMode: "numeric",
    autocomplete: "off",
  });
  const paymentDays = input({ type: "number", value: String(settings.paymentOpenDays), min: "1", max: "60", step: "1", required: true });
  const agendaOn = checkbox(t.agendaOn, settings.agendaAt !== null);
  const agendaAt = input({ type: "time", value: settings.agendaAt ?? "07:00", required: true });
  const client = settings.clientReminders;
  const clientOn = checkbox(t.clientRemindersOn, client.enabled);
  const dayBefore = checkbox(t.clientDayBefore, client.leadHours.includes(24));
  const twoBefore = checkbox(t.clientTwoHours, client.leadHours.includes(2));

  // A switched-off time is greyed out and not checked (nothing of it is saved).
  const follow = (box: HTMLInputElement, ...times: HTMLInputElement[]) => {
    const sync = () => times.forEach((time) => (time.disabled = !box.checked));
    box.addEventListener("change", sync);
    sync();
  };
  follow(quiet.box, quietFrom, quietTo);
  follow(eveningOn.box, eveningAt);
  follow(agendaOn.box, agendaAt);
  follow(clientOn.box, dayBefore.box, twoBefore.box);

  const build = (): Built<NotificationsRequest> => {
    const minutes = parseMinutesList(before.value);
    if (!minutes.ok) return { ok: false, problems: [{ control: before, message: t.problems[minutes.problem] }] };
    const leadTimes = [
      ...(eveningOn.box.checked ? [{ kind: "evening_before" as const, at: eveningAt.value }] : []),
      ...minutes.value.map((m) => ({ kind: "before" as const, minutes: m })),
    ];
    if (leadTimes.length > 4) return { ok: false, problems: [{ control: before, message: t.tooManyReminders }] };
    // Lead times set another way (other than 1 day and 2 hours) are kept.
    const clientHours = [
      ...(dayBefore.box.checked ? [24] : []),
      ...(twoBefore.box.checked ? [2] : []),
      ...client.leadHours.filter((hours) => hours !== 24 && hours !== 2),
    ];
    if (clientOn.box.checked && clientHours.length === 0) return { ok: false, problems: [{ control: dayBefore.box, message: t.clientReminderNone }] };
    return {
      ok: true,
      value: {
        coachId: ctx.coachId,
        settings: {
          quietHours: quiet.box.checked ? { from: quietFrom.value, to: quietTo.value } : null,
          leadTimes,
          paymentOpenDays: Number(paymentDays.value),
          agendaAt: agendaOn.box.checked ? agendaAt.value : null,
          clientReminders: { enabled: clientOn.box.checked, leadHours: clientOn.box.checked ? clientHours : client.leadHours },
        },
      },
    };
  };
  const form = new SettingsForm<NotificationsRequest>(ctx, t, {
    build,
    schema: () => inputSchema("setNotificationSettings"),
    save: (value) => ctx.call("setNotificationSettings", value),
  });
  const quietSet = el("fieldset");
  quietSet.append(el("legend", t.quietHours), el("p", t.quietHint, "hint"), quiet.wrap, el("div", undefined, "row"));
  quietSet.lastElementChild?.append(field(t.from, quietFrom, { path: "settings.quietHours.from" }), field(t.to, quietTo, { path: "settings.quietHours.to" }));
  const reminders = el("fieldset");
  reminders.append(
    el("legend", t.reminders),
    eveningOn.wrap,
    field(t.eveningBefore, eveningAt, { path: "settings.leadTimes" }),
    field(t.beforeMinutes, before, { path: "settings.leadTimes", hint: t.beforeHint }),
  );
  const agenda = el("div");
  agenda.append(agendaOn.wrap, field(t.agendaAt, agendaAt, { path: "settings.agendaAt" }));
  const clientSet = el("fieldset");
  clientSet.append(el("legend", t.clientReminders), el("p", t.clientRemindersHint, "hint"), clientOn.wrap, dayBefore.wrap, twoBefore.wrap);
  form.append(quietSet, reminders, field(t.paymentOpenDays, paymentDays, { path: "settings.paymentOpenDays" }), agenda, clientSet);
  return section(t.notifications, "notifications", form.form);
}

/**
 * "Notifications on this device": on → the registrar's token (asking for
 * permission) → registerDevice; off → unregisterDevice. The switch shows
 * whether this browser's token is among the coach's devices.
 */
export function deviceSection(env: SettingsEnv): HTMLElement {
  const { t, ctx } = env;
  const toggle = checkbox(t.pushToggle, false);
  toggle.box.setAttribute("role", "switch");
  const status = el("p", t.pushOff, "hint");
  status.setAttribute("role", "status");
  const problem = el("p", undefined, "form-error");
  problem.hidden = true;
  const registrar = pushRegistrar(appServiceWorker);

  const show = (on: boolean) => {
    toggle.box.checked = on;
    status.textContent = on ? t.pushOn : t.pushOff;
  };
  const stored = localStorage.getItem(REGISTERED_TOKEN_KEY);
  if (stored) {
    const { collection, getDocs, limit, query, where } = env.fs;
    getDocs(query(collection(env.db, "coaches", ctx.coachId, "devices"), where("token", "==", stored), limit(1)))
      .then((snapshot) => {
        show(!snapshot.empty);
        if (!snapshot.empty) void refresh(stored);
      })
      .catch(() => show(true));
  }

  /** FCM may rotate a device's token: register the new one, drop the old (no permission prompt: only when already granted). */
  async function refresh(old: string): Promise<void> {
    if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
    try {
      const token = await registrar.token();
      if (token === old) return;
      await ctx.call("registerDevice", { coachId: ctx.coachId, token });
      localStorage.setItem(REGISTERED_TOKEN_KEY, token);
      await ctx.call("unregisterDevice", { coachId: ctx.coachId, token: old });
    } catch {
      // Keeps the old registration; the functions prune it if FCM reports it dead.
    }
  }
  toggle.box.addEventListener("change", () => {
    const on = toggle.box.checked;
    toggle.box.disabled = true;
    problem.hidden = true;
    void (async () => {
      try {
        if (on) {
          const token = await registrar.token();
          await ctx.call("registerDevice", { coachId: ctx.coachId, token });
          localStorage.setItem(REGISTERED_TOKEN_KEY, token);
        } else {
          const token = localStorage.getItem(REGISTERED_TOKEN_KEY);
          if (token) await ctx.call("unregisterDevice", { coachId: ctx.coachId, token });
          localStorage.removeItem(REGISTERED_TOKEN_KEY);
        }
        show(on);
      } catch (error) {
        show(!on);
        if (error instanceof PushPermissionError) {
          problem.textContent = typeof Notification === "undefined" ? t.pushUnsupported : t.pushBlocked;
          problem.hidden = false;
        } else ctx.showError(error);
      } finally {
        toggle.box.disabled = false;
      }
    })();
  });
  return section(t.device, "device", toggle.wrap, status, problem);
}

/** The private calendar feed: a new secret address (shown once), or off. */
export function calendarSection(env: SettingsEnv): HTMLElement {
  const { t, ctx } = env;
  const state = el("p", env.coach.calendarFeed ? t.calendarOn : t.calendarOff);
  state.setAttribute("role", "status");
  const url = el("div");
  const run = (button: HTMLButtonElement, enabled: boolean) => async () => {
    button.disabled = true;
    try {
      const result = await ctx.call("setCalendarFeed", { coachId: ctx.coachId, enabled });
      if (result.url) {
        const address = input({ value: result.url, readOnly: true });
        address.classList.add("feed-url");
        url.replaceChildren(field(t.calendarUrl, address));
        state.textContent = t.calendarOn;
        address.select();
      } else {
        url.replaceChildren();
        state.textContent = t.calendarTurnedOff;
      }
    } catch (error) {
      ctx.showError(error);
    } finally {
      button.disabled = false;
    }
  };
  const make: HTMLButtonElement = plainButton(t.calendarNew, () => void run(make, true)(), "");
  const off: HTMLButtonElement = plainButton(t.calendarOffButton, () => void run(off, false)());
  const bar = el("p", undefined, "actions");
  bar.append(make, off);
  return section(t.calendar, "calendar", el("p", t.calendarHint, "hint"), state, bar, url);
}
