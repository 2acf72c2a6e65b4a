import { ListClientsResult, clientCalls } from "../api/clients.js";
import { matchesQuery, statsAt } from "../domain/clients.js";
import { ok } from "../domain/result.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { statsView } from "../shell/calls/client-views.js";
import { clientRecordsCol } from "../shell/firestore/refs.js";

/**
 * The coach's clients with their figures (from the stats read model, rolled
 * forward to now), sorted by name; `query` keeps those whose name, email or
 * phone contains it. One read per client, whatever their history.
 */
export const listClients = onSignedInCall(clientCalls.listClients, async (input, { uid, now }) => {
  const coach = await readOwnCoach(input.coachId, uid);
  if (!coach.ok) return coach;
  const records = await clientRecordsCol(input.coachId).get();
  const clients = records.docs
    .map((doc) => ({ uid: doc.id, record: doc.data() }))
    .filter(({ record }) => matchesQuery(record, input.query))
    // Records the trigger created before anybody wrote a name go last.
    .sort(
      (a, b) =>
        Number(a.record.name === "") - Number(b.record.name === "") ||
        a.record.name.localeCompare(b.record.name, coach.value.locale) ||
        a.uid.localeCompare(b.uid),
    );
  const result: ListClientsResult = {
    currency: coach.value.currency,
    clients: clients.map(({ uid: clientUid, record }) => ({
      uid: clientUid,
      name: record.name,
      email: record.email,
      phone: record.phone,
      stats: statsView(statsAt(record.stats, now)),
    })),
  };
  return ok(result);
});
