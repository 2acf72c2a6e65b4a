// Reviews of one client with one coach, live: the coach app's client screen
// and the client portal both listen to coaches/{coachId}/reviews where
// clientUid == uid (the rules require exactly that filter for clients). The
// Firestore SDK is imported on demand. Documents are narrowed at the edge into
// the same ReviewView the review callables return.
import type { ReviewView } from "../../../functions/src/api/reviews.js";

/** A Firestore Timestamp (or anything with toDate) as an ISO instant; null otherwise. */
export function instantOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null || !("toDate" in value) || typeof value.toDate !== "function") return null;
  const date: unknown = value.toDate();
  return date instanceof Date ? date.toISOString() : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** A review document as the callables' ReviewView; undefined when malformed. */
export function asReview(bookingId: string, data: Record<string, unknown>): ReviewView | undefined {
  const sessionAt = instantOf(data.sessionAt);
  if (typeof data.clientUid !== "string" || typeof data.offeringId !== "string" || !sessionAt) return undefined;
  const s = data.submission;
  const submittedAt = isRecord(s) ? instantOf(s.at) : null;
  const submission =
    isRecord(s) && typeof s.rating === "number" && submittedAt
      ? {
          rating: s.rating,
          text: typeof s.text === "string" ? s.text : "",
          consent: s.consent === true,
          author: typeof s.author === "string" ? s.author : "",
          at: submittedAt,
        }
      : null;
  const r = data.reply;
  const repliedAt = isRecord(r) ? instantOf(r.at) : null;
  const publishedAt = instantOf(data.publishedAt);
  return {
    bookingId,
    clientUid: data.clientUid,
    offeringId: data.offeringId,
    sessionAt,
    requestedAt: instantOf(data.requestedAt),
    submission,
    published: publishedAt !== null,
    publishedAt,
    reply: isRecord(r) && typeof r.text === "string" && repliedAt ? { text: r.text, at: repliedAt } : null,
  };
}

/** Calls `onChange` with the client's reviews (newest session first) now and on every change; resolves to the unsubscribe. */
export async function watchReviews(coachId: string, clientUid: string, onChange: (reviews: ReviewView[]) => void, onError: () => void): Promise<() => void> {
  const [{ collection, onSnapshot, query, where }, { clientDb }] = await Promise.all([import("firebase/firestore"), import("../client/firestore.js")]);
  const reviews = query(collection(clientDb(), "coaches", coachId, "reviews"), where("clientUid", "==", clientUid));
  return onSnapshot(
    reviews,
    (snapshot) => onChange(snapshot.docs.flatMap((doc) => asReview(doc.id, doc.data()) ?? []).sort((a, b) => b.sessionAt.localeCompare(a.sessionAt))),
    onError,
  );
}
