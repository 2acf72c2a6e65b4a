import { toPublicCoach } from "../../domain/public-coach.js";
import { coachRef, offeringsCol, packTemplatesCol, publicCoachesCol, reviewsCol } from "../firestore/refs.js";

/** Rewrites publicCoaches/{slug} from the coach's private documents and published reviews. */
export async function writePublicCoach(coachId: string): Promise<void> {
  const [coachSnap, offerings, packTemplates, reviews] = await Promise.all([
    coachRef(coachId).get(),
    offeringsCol(coachId).get(),
    packTemplatesCol(coachId).get(),
    reviewsCol(coachId).where("publishedAt", "!=", null).get(),
  ]);
  const coach = coachSnap.data();
  if (!coach) throw new Error(`coach ${coachId} not found`);
  const projection = toPublicCoach({
    coachId,
    coach,
    offerings: offerings.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
    packTemplates: packTemplates.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
    reviews: reviews.docs.map((doc) => doc.data()),
  });
  await publicCoachesCol().doc(coach.slug).set(projection);
}
