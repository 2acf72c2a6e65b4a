// Where the overview read model lives (issue 20); beside shell/firestore/refs.ts, which holds the rest.
import * as z from "zod";
import { CURRENT_DOC, ClientActivity, OpenTarget, OverviewCurrentDoc, OverviewRebuilt, OverviewYearDoc, REBUILT_DOC } from "../../domain/overview.js";
import { Instant } from "../../domain/time.js";
import { zodConverter } from "../firestore/converter.js";
import { db } from "../firebase.js";

const coachDoc = (coachId: string) => db().collection("coaches").doc(coachId);

/** coaches/{coachId}/overview: a document per year ({yyyy}), the totals (current) and the last recomputation (rebuilt). */
export const overviewCol = (coachId: string) => coachDoc(coachId).collection("overview");

/** coaches/{coachId}/overview/{id}, unparsed: the triggers write increments into it, a recomputation whole documents. */
export const overviewDocRef = (coachId: string, id: string) => overviewCol(coachId).doc(id);

/** coaches/{coachId}/overview/{yyyy}: one year's months and ISO weeks (domain/overview.ts OverviewYearDoc), parsed. */
export const overviewYearRef = (coachId: string, year: string) => overviewCol(coachId).doc(year).withConverter(zodConverter(OverviewYearDoc));

/** coaches/{coachId}/overview/current: what is owed and prepaid now, parsed. */
export const overviewCurrentRef = (coachId: string) => overviewCol(coachId).doc(CURRENT_DOC).withConverter(zodConverter(OverviewCurrentDoc));

/** coaches/{coachId}/overview/rebuilt: when the last recomputation read the records. */
export const overviewRebuiltRef = (coachId: string) => overviewCol(coachId).doc(REBUILT_DOC).withConverter(zodConverter(OverviewRebuilt));

/** A change already counted in the overview, kept a week (TTL on expireAt; trigger retries come within minutes). */
export const OverviewEventMark = z.object({ expireAt: Instant });
/** coaches/{coachId}/overviewEvents/{eventId} */
export const overviewEventRef = (coachId: string, eventId: string) =>
  coachDoc(coachId).collection("overviewEvents").doc(eventId).withConverter(zodConverter(OverviewEventMark));

/** coaches/{coachId}/overviewClients/{uid}: each client's first and latest session, for the active, new and lapsed counts. */
export const clientActivityCol = (coachId: string) => coachDoc(coachId).collection("overviewClients").withConverter(zodConverter(ClientActivity));

/** coaches/{coachId}/overviewOpen/{pack|booking}-{id}: targets that still lack money (domain/overview.ts OpenTarget). */
export const openTargetsCol = (coachId: string) => coachDoc(coachId).collection("overviewOpen").withConverter(zodConverter(OpenTarget));
