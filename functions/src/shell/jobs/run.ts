import { Timestamp, Transaction } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { JobAbout, nextAfter } from "../../domain/jobs.js";
import { PackChange, decideExpiry } from "../../domain/packs.js";
import {
  PlanContext,
  PlannedNotification,
  bookingDueTimes,
  nextAgendaTime,
  packDueTimes,
  planAgenda,
  planForBooking,
  planForPack,
} from "../../domain/reminders.js";
import { db } from "../firebase.js";
import { bookingsCol, coachRef, jobsCol, outboxCol, packsCol } from "../firestore/refs.js";
import { notifyCoach } from "../notify/outbox.js";
import { writePackState } from "../packs/commit.js";
import { planContext, writeJob } from "./schedule.js";

/** What a job does at an instant: the notifications then due, a pack's expiry, and when it is due next. */
interface JobWork {
  planned: PlannedNotification[];
  expiry?: PackChange;
  next: DateTime | undefined;
}

/**
 * Runs one job at `now`, in one transaction: reads its cause as it stands,
 * writes the coach's notifications due by now that are not written yet (each
 * named after its cause), expires a pack whose end has passed, and moves the
 * job to its next due time or removes it. Running it twice, or early, or
 * after its cause changed, writes nothing twice. Returns how many
 * notifications it wrote.
 */
export function runJob(coachId: string, id: string, now: DateTime): Promise<number> {
  return db().runTransaction(async (tx) => {
    const ref = jobsCol(coachId).doc(id);
    const job = (await tx.get(ref)).data();
    if (!job) return 0;
    const coach = (await tx.get(coachRef(coachId))).data();
    if (!coach) {
      tx.delete(ref);
      return 0;
    }
    const work = await jobWork(tx, coachId, job.about, planContext(coach, now));
    const written = await Promise.all(work.planned.map(async (n) => ((await tx.get(outboxCol(coachId).doc(n.id))).exists ? undefined : n)));
    const fresh = written.filter((n): n is PlannedNotification => n !== undefined);
    for (const n of fresh) notifyCoach(tx, coachId, coach, n.id, n.kind, n.params, now);
    if (work.expiry) writePackState(tx, coachId, work.expiry);
    writeJob(tx, coachId, job.about, work.next);
    return fresh.length;
  });
}

async function jobWork(tx: Transaction, coachId: string, about: JobAbout, ctx: PlanContext): Promise<JobWork> {
  const { now } = ctx;
  switch (about.kind) {
    case "booking": {
      const booking = (await tx.get(bookingsCol(coachId).doc(about.id))).data();
      if (!booking) return { planned: [], next: undefined };
      return { planned: planForBooking(about.id, booking, ctx), next: nextAfter(bookingDueTimes(booking, ctx), now) };
    }
    case "pack": {
      const pack = (await tx.get(packsCol(coachId).doc(about.id))).data();
      if (!pack) return { planned: [], next: undefined };
      const expiry = decideExpiry({ packId: about.id, pack, timeZone: ctx.timeZone, now });
      return { planned: planForPack(about.id, pack, ctx), expiry, next: nextAfter(packDueTimes(expiry?.pack ?? pack, ctx), now) };
    }
    case "agenda": {
      const local = now.setZone(ctx.timeZone);
      const at = (instant: DateTime) => Timestamp.fromMillis(instant.toMillis());
      const day = await tx.get(
        bookingsCol(coachId)
          .where("startsAt", ">=", at(local.startOf("day")))
          .where("startsAt", "<=", at(local.endOf("day"))),
      );
      const bookings = day.docs.map((doc) => ({ id: doc.id, data: doc.data() }));
      return { planned: planAgenda(bookings, ctx), next: nextAgendaTime(now, ctx) };
    }
  }
}
