// A client's private notes on their screen, saved with saveClientNotes. What
// the coach is typing stays when the client record is read again meanwhile.
import { el } from "../../islands/dom.js";
import type { AppContext } from "../context.js";
import { explainAny } from "./client-format.js";
import { clientsText } from "./clients.text.js";

/** The notes form, and a way to show the stored notes unless the coach is editing them. */
export interface NotesBox {
  form: HTMLFormElement;
  show(notes: string): void;
}

/** Builds the notes form; the section's heading (#notes-title) labels the text box. */
export function notesBox(ctx: AppContext, clientUid: string): NotesBox {
  const t = clientsText(ctx.lang);
  const notes = Object.assign(el("textarea"), { id: "client-notes", name: "notes", rows: 4, maxLength: 10_000 });
  /** Typed into since the last save. */
  let dirty = false;
  notes.addEventListener("input", () => {
    dirty = true;
  });
  const form = el("form", undefined, "notes");
  const hint = el("p", t.notesLabel, "muted");
  hint.id = "client-notes-hint";
  notes.setAttribute("aria-labelledby", "notes-title");
  notes.setAttribute("aria-describedby", hint.id);
  const save = Object.assign(el("button", t.saveNotes), { type: "submit" });
  const status = el("p", undefined, "done");
  status.setAttribute("role", "status");
  const error = el("p", undefined, "error");
  error.setAttribute("role", "alert");
  const row = el("p", undefined, "actions");
  row.append(save);
  form.append(hint, notes, row, status, error);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save.disabled = true;
    status.textContent = "";
    error.textContent = "";
    ctx
      .call("saveClientNotes", { coachId: ctx.coachId, clientUid, notes: notes.value })
      .then(() => {
        dirty = false;
        status.textContent = t.notesSaved;
      })
      .catch((failure: unknown) => {
        error.textContent = explainAny(ctx, failure);
      })
      .finally(() => {
        save.disabled = false;
      });
  });
  return {
    form,
    show(text) {
      if (!dirty) notes.value = text;
    },
  };
}
