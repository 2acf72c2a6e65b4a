// What every Settings section gets: the app context, its texts, the coach
// document as the functions read it (parsed with the shared Coach schema, so
// defaults match), Firestore for its own lists, and a channel for changes
// another section must follow (new locations → the session types' place list).
import type { Firestore } from "firebase/firestore";
import type { Coach, Offering, PackTemplate } from "../../../../functions/src/domain/coach.js";
import type { AppContext } from "../context.js";
import type { SettingsText } from "./settings.text.js";

export type { Coach, Offering, PackTemplate };

/** A document with its id. */
export interface WithId<T> {
  id: string;
  data: T;
}

export interface SettingsEnv {
  ctx: AppContext;
  t: SettingsText;
  /** The coach document; sections replace fields they saved. */
  coach: Coach;
  fs: typeof import("firebase/firestore");
  db: Firestore;
  domain: typeof import("../../../../functions/src/domain/coach.js");
  /** "coach-changed" after the profile (locations) was saved; "offerings-changed" after a session type was. */
  events: EventTarget;
}

/** Reads a subcollection of the coach and parses each document; unreadable ones are left out. */
export async function readList<T>(
  env: SettingsEnv,
  name: "offerings" | "packTemplates",
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): Promise<WithId<T>[]> {
  const { collection, getDocs } = env.fs;
  const snapshot = await getDocs(collection(env.db, "coaches", env.ctx.coachId, name));
  return snapshot.docs.flatMap((doc) => {
    const parsed = schema.safeParse(doc.data());
    return parsed.success ? [{ id: doc.id, data: parsed.data }] : [];
  });
}
