// Exports of a coach's documents: several PDFs in one zip, and a list of
// them as CSV that Excel opens with umlauts intact and without running
// anything a client typed into a name.
import { zipSync, type Zippable } from "fflate";

/**
 * A zip of files, stored without compression (PDFs are compressed already).
 * A name that repeats gets a counter: "a.pdf", "a (2).pdf".
 */
export function zipFiles(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[uniqueName(entries, file.name)] = [file.data, { level: 0 }];
  return zipSync(entries, { level: 0 });
}

function uniqueName(taken: Zippable, name: string): string {
  if (!(name in taken)) return name;
  const dot = name.lastIndexOf(".");
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  let counter = 2;
  while (`${stem} (${counter})${extension}` in taken) counter++;
  return `${stem} (${counter})${extension}`;
}

/** A number written as text ("-12.50", "+3", "1,5"): harmless in a spreadsheet, so it keeps its sign. */
const NUMERIC = /^[+-]?\d+([.,]\d+)?$/;
/** What a spreadsheet reads as the start of a formula (OWASP's list: = + - @, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: text that starts like a formula gets a leading quote; quoted when it holds , " CR or LF. */
function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text) && !NUMERIC.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as RFC 4180 CSV: comma separated, CRLF after every row, led by a
 * UTF-8 byte order mark so Excel reads it as UTF-8.
 * [["Name", "Betrag"], ["Müller, Jürgen", -12.5], ["=1+1", "-12.50"]] →
 * "\uFEFFName,Betrag\r\n\"Müller, Jürgen\",-12.5\r\n'=1+1,-12.50\r\n".
 */
export function csvText(rows: (string | number)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}
