import { NewCoach } from "../../domain/onboarding.js";
import { toPublicCoach } from "../../domain/public-coach.js";
import { DocWriter } from "../firestore/writer.js";
import { coachOwnerRef, coachRef, offeringsCol, packTemplatesCol, publicCoachesCol, slugRef } from "../firestore/refs.js";

/**
 * Writes a new coach (createCoach, and the demo seed): the coach, the first
 * session type and pack, the public page data, and the claims on the address
 * and the account. Created, never set: a taken address or a second coach of
 * one account fails the write.
 */
export function writeNewCoach(tx: DocWriter, args: { coachId: string; uid: string; requestId: string; decided: NewCoach }): void {
  const { coachId, uid, requestId } = args;
  const { coach, offering, packTemplate } = args.decided;
  tx.create(coachRef(coachId), coach);
  tx.create(offeringsCol(coachId).doc(offering.id), offering.data);
  if (packTemplate) tx.create(packTemplatesCol(coachId).doc(packTemplate.id), packTemplate.data);
  tx.create(slugRef(coach.slug), { coachId });
  tx.create(coachOwnerRef(uid), { coachId, slug: coach.slug, requestId });
  tx.set(
    publicCoachesCol().doc(coach.slug),
    toPublicCoach({ coachId, coach, offerings: [offering], packTemplates: packTemplate ? [packTemplate] : [], reviews: [] }),
  );
}
