// The coach app's Settings screen: one form per area, each with its own
// Save. Current values come from the coach document and its offerings and
// pack templates (the coach may read them), parsed with the same schemas the
// functions use; every change goes through the area's callable.
import { el } from "../../islands/dom.js";
import type { AppContext, View } from "../context.js";
import { availabilitySection } from "./settings-availability.js";
import { offeringsSection, packsSection } from "./settings-catalogue.js";
import { readList, type SettingsEnv } from "./settings-env.js";
import { calendarSection, deviceSection, notificationsSection } from "./settings-notifications.js";
import { invoicesSection } from "./settings-invoices.js";
import { paymentsSection } from "./settings-payments.js";
import { policySection } from "./settings-policy.js";
import { profileSection } from "./settings-profile.js";
import { settingsText } from "./settings.text.js";
import "./views.css";

/** The section the next Settings screen opens at (set by openSettingsAt). */
let pendingSection: string | undefined;

/** Goes to Settings at one section (e.g. "invoices" from a client's screen): its heading is scrolled to and focused. */
export function openSettingsAt(ctx: AppContext, section: string): void {
  pendingSection = section;
  ctx.navigate("#/settings");
}

/** The Settings screen (#/settings). */
export const settingsView: View = {
  async render(ctx, root) {
    const t = settingsText(ctx.lang);
    const heading = el("h1", t.heading);
    const loading = el("p", t.loading, "muted");
    root.append(heading, loading);
    const [fs, { clientDb }, domain, invoices] = await Promise.all([
      import("firebase/firestore"),
      import("../../client/firestore.js"),
      import("../../../../functions/src/domain/coach.js"),
      import("../../../../functions/src/domain/invoices.js"),
    ]);
    const db = clientDb();
    const snapshot = await fs.getDoc(fs.doc(db, "coaches", ctx.coachId));
    const coach = domain.Coach.parse(snapshot.data());
    const env: SettingsEnv = { ctx, t, coach, fs, db, domain, events: new EventTarget() };
    const [offerings, templates] = await Promise.all([readList(env, "offerings", domain.Offering), readList(env, "packTemplates", domain.PackTemplate)]);
    loading.remove();
    root.append(
      profileSection(env),
      offeringsSection(env, offerings),
      packsSection(env, templates, offerings),
      availabilitySection(env),
      policySection(env),
      paymentsSection(env),
      invoicesSection(env, offerings, templates, invoices),
      notificationsSection(env),
      deviceSection(env),
      calendarSection(env),
    );
    const wanted = pendingSection;
    pendingSection = undefined;
    const target = wanted ? root.querySelector<HTMLElement>(`section[data-section="${CSS.escape(wanted)}"] h2`) : null;
    if (target) {
      target.tabIndex = -1;
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    }
  },
};
