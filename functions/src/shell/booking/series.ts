import type { Transaction } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import type { PreviewSeriesInput } from "../../api/booking.js";
import { cellsFor, decideCoachBooking } from "../../domain/booking.js";
import type { Coach, Offering } from "../../domain/coach.js";
import type { DomainError } from "../../domain/errors.js";
import { type Result, fail, ok } from "../../domain/result.js";
import { type SeriesDecision, decideSeries, weeklyOccurrences } from "../../domain/series.js";
import { iso } from "../../domain/time.js";
import { loadOwnCoach } from "../calls/access.js";
import { clientRecordRef, coachRef, offeringsCol } from "../firestore/refs.js";
import { activePacks } from "../packs/active.js";
import { takenCells } from "./commit.js";

// A weekly series as bookSeries books it and previewSeries shows it: who
// books for whom, the occurrences, and the decision, read in one transaction.

/** Who a series is for: the caller themselves, or (the coach) one of their clients. */
export interface SeriesParties {
  clientUid: string;
  /** The coach's uid when the coach books for a client. */
  coachUid: string | undefined;
}

/** What a series is booked at: the coach and the session type. */
export interface SeriesSetting {
  coach: Coach;
  offering: Offering;
}

/** The parties of a request: with `clientUid` the caller must be the coach (checked in the transaction). */
export const seriesParties = (input: Pick<PreviewSeriesInput, "clientUid">, uid: string): SeriesParties =>
  input.clientUid ? { clientUid: input.clientUid, coachUid: uid } : { clientUid: uid, coachUid: undefined };

/** The client's pack candidates, read before the transaction (see activePacks). */
export const seriesPacks = (input: Pick<PreviewSeriesInput, "coachId">, parties: SeriesParties) => activePacks(input.coachId, parties.clientUid);

/**
 * Reads who and what a series is for: the coach (owned by the caller when
 * booking for a client, whose record must exist) and the session type.
 */
export async function loadSeriesSetting(tx: Transaction, input: PreviewSeriesInput, parties: SeriesParties): Promise<Result<SeriesSetting, DomainError>> {
  const { coachUid } = parties;
  const coach = coachUid ? await loadOwnCoach(tx, input.coachId, coachUid) : ok((await tx.get(coachRef(input.coachId))).data());
  if (!coach.ok) return coach;
  if (!coach.value) return fail({ code: "COACH_NOT_FOUND" });
  if (coachUid && !(await tx.get(clientRecordRef(input.coachId, parties.clientUid))).exists) return fail({ code: "CLIENT_NOT_FOUND" });
  const offering = (await tx.get(offeringsCol(input.coachId).doc(input.offeringId))).data();
  if (!offering) return fail({ code: "OFFERING_NOT_FOUND" });
  return ok({ coach: coach.value, offering });
}

/**
 * Decides a series in the transaction: the cells each occurrence needs and
 * the client's packs are read; bookings get ids `{seriesId}-{n}`.
 */
export async function planSeries(
  tx: Transaction,
  input: PreviewSeriesInput,
  parties: SeriesParties,
  { coach, offering }: SeriesSetting,
  candidates: Awaited<ReturnType<typeof seriesPacks>>,
  seriesId: string,
  now: DateTime,
): Promise<Result<SeriesDecision, DomainError>> {
  const { coachUid } = parties;
  const starts = weeklyOccurrences(DateTime.fromISO(input.firstStart, { zone: "utc" }), input.weeks, coach.timeZone);
  const takenCellsByStart = new Map<string, string[]>();
  for (const start of starts) takenCellsByStart.set(iso(start), await takenCells(tx, input.coachId, cellsFor(coach, offering, start)));
  return decideSeries({
    seriesId,
    clientUid: parties.clientUid,
    coachId: input.coachId,
    coach,
    offeringId: input.offeringId,
    offering,
    starts,
    takenCellsByStart,
    packs: await candidates.read(tx),
    now,
    payWith: input.payWith,
    note: input.note,
    decide: coachUid ? (ctx) => decideCoachBooking({ ...ctx, coachUid, anyTime: input.anyTime }) : undefined,
  });
}
