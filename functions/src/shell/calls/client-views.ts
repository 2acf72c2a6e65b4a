import { ClientStatsView, TimelineEntryView } from "../../api/clients.js";
import { ReviewView } from "../../api/reviews.js";
import { StatsAt, TimelineItem } from "../../domain/clients.js";
import { Coach, Offering } from "../../domain/coach.js";
import { Review } from "../../domain/reviews.js";
import { lineWords } from "../../domain/text.js";
import { iso } from "../../domain/time.js";
import { ledgerFactsView } from "./views.js";

/** A client's figures as the callables return them. */
export function statsView(stats: StatsAt): ClientStatsView {
  return {
    sessionsCompleted: stats.sessionsCompleted,
    noShows: stats.noShows,
    lateCancellations: stats.lateCancellations,
    revenueMinor: stats.revenueMinor,
    openMinor: stats.openMinor,
    packBalance: stats.packBalance,
    lastSessionAt: stats.lastSessionAt ? iso(stats.lastSessionAt) : null,
    nextSession: stats.nextSession ? { bookingId: stats.nextSession.bookingId, start: iso(stats.nextSession.start), status: stats.nextSession.status } : null,
    asOf: stats.asOf ? iso(stats.asOf) : null,
  };
}

/** A review as its coach and client see it. */
export function reviewView(bookingId: string, review: Review): ReviewView {
  const { submission } = review;
  return {
    bookingId,
    clientUid: review.clientUid,
    offeringId: review.offeringId,
    sessionAt: iso(review.sessionAt),
    requestedAt: review.requestedAt ? iso(review.requestedAt) : null,
    submission: submission
      ? { rating: submission.rating, text: submission.text, consent: submission.consent, author: submission.author, at: iso(submission.at) }
      : null,
    published: review.publishedAt !== null,
    publishedAt: review.publishedAt ? iso(review.publishedAt) : null,
    reply: review.reply ? { text: review.reply.text, at: iso(review.reply.at) } : null,
  };
}

/** One timeline line as the callables return it, with the session's title and place. */
export function timelineView(item: TimelineItem, coach: Coach, offerings: Map<string, Offering>): TimelineEntryView {
  switch (item.type) {
    case "booking": {
      const { booking } = item;
      const offering = offerings.get(booking.offeringId);
      const { payment, resolution } = booking;
      return {
        type: "booking",
        id: item.id,
        at: iso(item.at),
        status: booking.status,
        offeringId: booking.offeringId,
        offeringTitle: offering?.title ?? "",
        locationName: coach.locations.find((l) => l.id === offering?.locationId)?.name ?? "",
        start: iso(booking.startsAt),
        end: iso(booking.endsAt),
        payment:
          payment.method === "pack"
            ? { method: "pack", packId: payment.packId, state: null, amountDueMinor: null, paidMinor: null }
            : { method: "single", packId: null, state: payment.state, amountDueMinor: payment.amountDueMinor, paidMinor: payment.paidMinor },
        sentence: resolution ? (resolution.waiver?.sentence ?? resolution.sentence) : null,
        resolution: resolution
          ? {
              kind: resolution.kind,
              by: resolution.byUid === "system" ? "system" : resolution.by,
              outcome: resolution.outcome,
              minutesBefore: resolution.minutesBefore,
              waiverLabel: resolution.waiver?.label ?? null,
            }
          : null,
        note: booking.note,
        movedFrom: booking.movedFrom ? iso(booking.movedFrom) : null,
      };
    }
    case "payment": {
      const { record } = item;
      return {
        type: "payment",
        id: item.id,
        at: iso(item.at),
        kind: record.kind,
        method: record.method,
        wallet: record.wallet,
        amountMinor: record.amountMinor,
        currency: record.currency,
        target: record.target,
        reference: record.reference,
      };
    }
    case "ledger":
      return {
        type: "ledger",
        id: item.id,
        at: iso(item.at),
        packId: item.packId,
        packName: item.packName,
        delta: item.entry.delta,
        reason: item.entry.reason,
        sentence: item.entry.sentence,
        words: lineWords(item.entry.sentence),
        bookingId: item.entry.bookingId,
        ...ledgerFactsView(item.entry),
      };
  }
}
