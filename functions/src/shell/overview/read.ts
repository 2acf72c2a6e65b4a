// What opening the Overview tab reads (getOverview): the read model's few
// documents and bounded queries of the current state, never the history.
import { AggregateField, Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import type { ExpiringPackView, GetOverviewResult, OpenPaymentView, OpenRequestView } from "../../api/overview.js";
import type { Coach } from "../../domain/coach.js";
import { availabilityOf } from "../../domain/coach.js";
import {
  CLIENT_WINDOWS,
  CURRENT_DOC,
  OverviewCurrentDoc,
  OverviewYearDoc,
  activityCutoffs,
  overviewFromDocs,
  overviewHistory,
  shownPeriods,
  unitsValue,
  type OpenTarget,
} from "../../domain/overview.js";
import type { Pack, WithId } from "../../domain/packs.js";
import { iso } from "../../domain/time.js";
import { parseDoc } from "../firestore/converter.js";
import { bookingsCol, clientsCol, offeringsCol, packsCol } from "../firestore/refs.js";
import { db } from "../firebase.js";
import { clientActivityCol, openTargetsCol, overviewDocRef } from "./refs.js";

/** List sizes of the tab: open payments, expiring packs, requests. */
export const OVERVIEW_LISTS = { open: 20, expiring: 20, requests: 20 } as const;
/** Packs ending within this many days are "expiring". */
export const EXPIRING_DAYS = 30;
/** Expiring packs read to find OVERVIEW_LISTS.expiring with units left (used-up packs ending soon are skipped). */
const EXPIRING_READ = 40;

const timestamp = (time: DateTime) => Timestamp.fromMillis(time.toMillis());

/**
 * Everything the tab shows, at `now`. Reads, whatever the history:
 * - 1 coach (the caller's access check, done before) — not counted here;
 * - the read model: the 1–2 year documents of the months and weeks shown, and the totals (2–3);
 * - open payments: the oldest 21 entries of coaches/{c}/overviewOpen (≤ 21; 1 when none);
 * - expiring packs: up to 40 active packs ending within 30 days, and one sum (≤ 41);
 * - requests: the first 20 not started, and one count (≤ 21);
 * - clients: three counts of coaches/{c}/overviewClients (3, one more per 1,000 clients counted);
 * - names: the client records and session types the lists name, each once (≤ 60 and ≤ 40).
 * So at most about 190 reads, and 12 for a coach with nothing open, expiring or requested.
 */
export async function loadOverview(coachId: string, coach: Coach, now: DateTime): Promise<GetOverviewResult> {
  const { timeZone } = coach;
  const shown = shownPeriods(now, timeZone);
  const cut = activityCutoffs(now);
  const at = timestamp(now);
  const bookings = bookingsCol(coachId);
  const packs = packsCol(coachId);
  const activity = clientActivityCol(coachId);
  const openTargets = openTargetsCol(coachId)
    .orderBy("since")
    .limit(OVERVIEW_LISTS.open + 1);
  const expiring = packs
    .where("status", "==", "active")
    .where("expiresAt", ">", at)
    .where("expiresAt", "<=", timestamp(now.plus({ days: EXPIRING_DAYS })));
  const requests = bookings.where("status", "==", "requested").where("startsAt", ">", at);
  const [docs, open, expiringPacks, expiringUnits, requested, requestCount, active, lapsed, fresh] = await Promise.all([
    db().getAll(...[...shown.years, CURRENT_DOC].map((id) => overviewDocRef(coachId, id))),
    openTargets.get(),
    expiring.orderBy("expiresAt").limit(EXPIRING_READ).get(),
    expiring.aggregate({ units: AggregateField.sum("remaining") }).get(),
    requests.orderBy("startsAt").limit(OVERVIEW_LISTS.requests).get(),
    requests.count().get(),
    activity.where("lastSessionAt", ">=", timestamp(cut.activeSince)).count().get(),
    activity.where("lastSessionAt", "<", timestamp(cut.activeSince)).count().get(),
    activity.where("firstSessionAt", ">=", timestamp(cut.newSince)).count().get(),
  ]);

  const years = docs.filter((doc) => doc.id !== CURRENT_DOC && doc.exists).map((doc) => parseDoc(OverviewYearDoc, doc.data() ?? {}));
  const currentDoc = docs.find((doc) => doc.id === CURRENT_DOC);
  const current = currentDoc?.exists ? parseDoc(OverviewCurrentDoc, currentDoc.data() ?? {}) : undefined;
  const overview = overviewFromDocs(years, current);
  const history = overviewHistory({ overview, now, timeZone, availability: availabilityOf(coach) });

  const owed = open.docs.slice(0, OVERVIEW_LISTS.open).map((doc) => doc.data());
  const withUnits = expiringPacks.docs.map((doc) => ({ id: doc.id, data: doc.data() })).filter((p) => p.data.remaining > 0);
  const shownExpiring = withUnits.slice(0, OVERVIEW_LISTS.expiring);
  const waiting = requested.docs.map((doc) => ({ id: doc.id, data: doc.data() }));

  const names = await namesOf(coachId, {
    clients: [...owed, ...shownExpiring.map((p) => p.data), ...waiting.map((b) => b.data)].map((d) => d.clientUid),
    offerings: [...owed.flatMap((t) => (t.offeringId ? [t.offeringId] : [])), ...waiting.map((b) => b.data.offeringId)],
  });

  return {
    currency: coach.currency,
    timeZone,
    asOf: iso(now),
    thisWeek: history.thisWeek,
    requests: {
      count: requestCount.data().count,
      items: waiting.map((b): OpenRequestView => ({
        bookingId: b.id,
        clientUid: b.data.clientUid,
        clientName: names.client(b.data.clientUid),
        offeringId: b.data.offeringId,
        offeringTitle: names.offering(b.data.offeringId),
        start: iso(b.data.startsAt),
      })),
      more: requestCount.data().count > waiting.length,
    },
    revenue: { months: history.months, netMinor: history.netMinor12 },
    sessions: { weeks: history.weeks, rates: history.rates },
    openPayments: {
      totalMinor: overview.totals.openMinor,
      targets: overview.totals.openTargets,
      items: owed.map((t) => openItem(t, names)),
      more: open.size > owed.length,
    },
    prepaid: {
      units: overview.totals.unitsOutstanding,
      valueMinor: overview.totals.valueOutstandingMinor,
      packs: overview.totals.packsWithUnits,
      expiring: {
        withinDays: EXPIRING_DAYS,
        units: expiringUnits.data().units ?? 0,
        items: shownExpiring.map((p) => expiringPack(p, names)),
        more: withUnits.length > shownExpiring.length || expiringPacks.size === EXPIRING_READ,
      },
    },
    clients: { active: active.data().count, new: fresh.data().count, lapsed: lapsed.data().count, ...CLIENT_WINDOWS },
  };
}

/** Names the lists show: client records and session types, each read once. */
interface Names {
  client: (uid: string) => string;
  offering: (offeringId: string) => string;
}

/** Reads the named client records and session types (each once); unknown ones read as "". */
export async function namesOf(
  coachId: string,
  wanted: { clients: string[]; offerings: string[]; packs?: string[] },
): Promise<Names & { pack: (id: string) => string }> {
  const clients = [...new Set(wanted.clients)];
  const offerings = [...new Set(wanted.offerings)];
  const packs = [...new Set(wanted.packs ?? [])];
  const [clientDocs, offeringDocs, packDocs] = await Promise.all([
    clients.length ? db().getAll(...clients.map((uid) => clientsCol(coachId).doc(uid)), { fieldMask: ["name"] }) : [],
    offerings.length ? db().getAll(...offerings.map((id) => offeringsCol(coachId).withConverter(null).doc(id)), { fieldMask: ["title"] }) : [],
    packs.length ? db().getAll(...packs.map((id) => packsCol(coachId).withConverter(null).doc(id)), { fieldMask: ["name"] }) : [],
  ]);
  const byId = (docs: { id: string; get: (field: string) => unknown }[], field: string) =>
    new Map(docs.map((doc) => [doc.id, typeof doc.get(field) === "string" ? (doc.get(field) as string) : ""]));
  const clientNames = byId(clientDocs, "name");
  const titles = byId(offeringDocs, "title");
  const packNames = byId(packDocs, "name");
  return {
    client: (uid) => clientNames.get(uid) ?? "",
    offering: (id) => titles.get(id) ?? "",
    pack: (id) => packNames.get(id) ?? "",
  };
}

/** An open target as the list shows it. */
function openItem(entry: OpenTarget, names: Names): OpenPaymentView {
  const { packName, offeringId, since, ...money } = entry;
  return { ...money, clientName: names.client(entry.clientUid), label: packName ?? names.offering(offeringId ?? ""), since: iso(since) };
}

/** A pack ending soon with units left. */
function expiringPack({ id, data }: WithId<Pack>, names: Names): ExpiringPackView {
  return {
    packId: id,
    clientUid: data.clientUid,
    clientName: names.client(data.clientUid),
    name: data.name,
    remaining: data.remaining,
    units: data.units,
    expiresAt: iso(data.expiresAt),
    valueMinor: unitsValue(data.remaining, data),
  };
}
