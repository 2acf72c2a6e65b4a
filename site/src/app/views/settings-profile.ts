// Settings → profile and public page (saveProfile): name, discipline, bio,
// photo, language and locations; the link to the public page and how it
// gets rebuilt.
import type { Api } from "../../../../functions/src/api/index.js";
import type { ChangeSlugInput } from "../../../../functions/src/api/onboarding.js";
import { CallableError } from "../../client/callable.js";
import { el } from "../../islands/dom.js";
import { SettingsForm, field, input, inputSchema, select, section, type Built } from "./settings-form.js";
import { RowList } from "./settings-rows.js";
import type { SettingsEnv } from "./settings-env.js";
import { idFrom } from "./settings-parse.js";
import { onboardingText } from "./onboarding.text.js";
import { slugChecker, slugInput } from "./slug-check.js";

type Location = SettingsEnv["coach"]["locations"][number];

/** The profile form; saving tells the other sections that the locations changed. */
export function profileSection(env: SettingsEnv): HTMLElement {
  const { t, coach, ctx } = env;
  const name = input({ value: coach.name, required: true, maxLength: 100, autocomplete: "name" });
  const discipline = input({ value: coach.discipline, required: true, maxLength: 60 });
  const bio = Object.assign(el("textarea"), { value: coach.bio, maxLength: 2000, rows: 4 });
  const photoUrl = input({ type: "url", value: coach.photoUrl, pattern: "https://.+", placeholder: "https://" });
  const locale = select(Object.entries(t.languages), coach.locale);
  const locations = new RowList<Location>(
    "profile.locations",
    t.locations,
    coach.locations,
    (location) => {
      const row = el("div", undefined, "location");
      if (location) row.dataset.id = location.id;
      const place = input({ value: location?.name ?? "", required: true, maxLength: 100 });
      place.dataset.field = "name";
      const address = input({ value: location?.address ?? "", maxLength: 200 });
      address.dataset.field = "address";
      row.append(field(t.locationName, place), field(t.locationAddress, address));
      return row;
    },
    t.addLocation,
    t.remove,
  );

  /** Kept locations keep their ids (offerings point at them); new ones get one from their name ("Court 3" → "court_3"). */
  const build = (): Built<Api["saveProfile"]["input"]> => {
    const taken = new Set(locations.rows().flatMap((row) => (row.dataset.id ? [row.dataset.id] : [])));
    const list = locations.rows().map((row) => {
      const [place, address] = [...row.querySelectorAll<HTMLInputElement>("[data-field]")];
      const id = row.dataset.id || idFrom(place?.value ?? "", taken, { digits: true, max: 40, fallback: "place" });
      taken.add(id);
      return { id, name: place?.value.trim() ?? "", address: address?.value.trim() ?? "" };
    });
    const profile = {
      name: name.value.trim(),
      discipline: discipline.value.trim(),
      bio: bio.value.trim(),
      photoUrl: photoUrl.value.trim(),
      locale: locale.value === "de" ? ("de" as const) : ("en" as const),
      locations: list,
    };
    return { ok: true, value: { coachId: ctx.coachId, profile } };
  };

  const form = new SettingsForm<Api["saveProfile"]["input"]>(ctx, t, {
    build,
    schema: () => inputSchema("saveProfile"),
    save: (value) => ctx.call("saveProfile", value),
    afterSave: ({ profile }) => {
      env.coach = {
        ...env.coach,
        ...profile,
        bio: profile.bio ?? "",
        photoUrl: profile.photoUrl ?? "",
        locations: profile.locations.map((l) => ({ ...l, address: l.address ?? "" })),
      };
      // New locations have their ids now: keep them on the rows, so saving again keeps the same ids.
      locations.rows().forEach((row, index) => {
        row.dataset.id = profile.locations[index]?.id ?? "";
      });
      env.events.dispatchEvent(new Event("coach-changed"));
    },
  });
  form.append(
    field(t.name, name, { path: "profile.name" }),
    field(t.discipline, discipline, { path: "profile.discipline" }),
    field(t.bio, bio, { path: "profile.bio" }),
    field(t.photoUrl, photoUrl, { path: "profile.photoUrl" }),
    field(t.language, locale, { path: "profile.locale" }),
    locations.fieldset,
  );

  return section(t.profile, "profile", addressForm(env), el("p", t.publishNote, "hint"), form.form);
}

/** The page's address with its link; changing it moves the page (changeSlug), and the old address sends visitors on. */
function addressForm(env: SettingsEnv): HTMLElement {
  const { t, ctx } = env;
  const link = el("a");
  const showLink = (slug: string) => Object.assign(link, { href: `/${slug}`, textContent: `${location.origin}/${slug}` });
  showLink(env.coach.slug);
  const slug = slugInput(env.coach.slug);
  const status = el("p", undefined, "hint slug-status");
  status.setAttribute("role", "status");
  const checker = slugChecker(ctx, onboardingText(ctx.lang), slug, status, env.coach.slug);
  const form = new SettingsForm<ChangeSlugInput>(ctx, t, {
    build: () => ({ ok: true, value: { coachId: ctx.coachId, slug: slug.value } }),
    schema: () => inputSchema("changeSlug"),
    save: async (value) => {
      if (!(await checker.usable())) throw new CallableError("already-exists", "SLUG_TAKEN", {}, "");
      await ctx.call("changeSlug", value);
    },
    label: t.moveAddress,
    afterSave: ({ slug: saved }) => {
      env.coach = { ...env.coach, slug: saved };
      showLink(saved);
      checker.forget(saved);
    },
  });
  form.append(field(t.address, slug, { path: "slug", hint: t.addressHint }), status);
  const page = el("p");
  page.append(`${t.publicPage}: `, link);
  const wrap = el("div", undefined, "address");
  wrap.append(page, form.form);
  return wrap;
}
