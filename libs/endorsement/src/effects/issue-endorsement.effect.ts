import type { EffectOf } from '#workflow';
import { firstDueOn } from '../renewal/renewal-calendar.js';
import type { EffectContext } from './effect-context.js';

/**
 * Issues the endorsement: a number (association prefix + its own sequence, kept on reinstatement),
 * the endorsement date, and the first renewal due date (see firstDueOn).
 */
export async function issueEndorsement({ manager, endorsements, application, association, now }: EffectContext<EffectOf<'endorsement.issue'>>) {
  let number = await endorsements.findEndorsementNumber(application.id, manager);
  if (!number) {
    const seq = await endorsements.nextEndorsementSequence(association.code, manager);
    number = `${association.endorsementNumberPrefix}-${String(seq).padStart(6, '0')}`;
  }
  // A person renews once a cycle for all their categories: a further endorsement joins their cycle.
  const heldDueOn = await endorsements.findHeldCycleDueOn(application.id, manager);
  await endorsements.recordEndorsement(application.id, number, now, heldDueOn ?? firstDueOn(now, association.renewal, association.timeZone), manager);
  return [];
}
