import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { checkEligibility, type Portfolio, type RulesSnapshot } from '#framework';
import type { GuardFacts } from '#workflow';
import type { ApplicationRow } from './application-row.js';
import { GuardFactsLoader } from './guard-facts.loader.js';

interface FactsRow {
  rated_roles: string[];
  attempts: number;
  part1_percent: string | null;
  part2_percent: string | null;
}

/**
 * Judges guards by the rules pinned on the application, never by today's data files. One query
 * gathers the reference and exam facts, so a transition costs few round trips.
 */
@Injectable()
export class PinnedRulesGuardFactsLoader extends GuardFactsLoader {
  async load(manager: EntityManager, app: ApplicationRow, now: Date): Promise<GuardFacts> {
    const snapshot = app.rules as unknown as RulesSnapshot;
    const { rules } = snapshot;
    const [facts] = (await manager.query(
      `SELECT
         ARRAY(SELECT DISTINCT role FROM application_references WHERE application_id = $1 AND status = 'rated') AS rated_roles,
         (SELECT count(*)::int FROM exam_attempts WHERE application_id = $1) AS attempts,
         last.part1_percent, last.part2_percent
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT part1_percent, part2_percent FROM exam_attempts WHERE application_id = $1
                          ORDER BY attempt_no DESC LIMIT 1) AS last ON true`,
      [app.id],
    )) as FactsRow[];
    const exam = rules.exam;
    const approvalExpiresAt = exam && app.exam_approved_at ? addMonths(app.exam_approved_at, exam.approvalValidMonths) : null;
    return {
      eligibilityGapCount: checkEligibility(app.portfolio as unknown as Portfolio, snapshot, now).length,
      examRequired: exam !== null,
      referencesComplete: rules.references.roles.every((role) => facts.rated_roles.includes(role.code)),
      exam: {
        part1Passed: exam !== null && facts.part1_percent !== null && Number(facts.part1_percent) >= exam.part1.passPercent,
        part2Passed: exam !== null && facts.part2_percent !== null && Number(facts.part2_percent) >= exam.part2.passPercent,
        retakesRemaining: exam ? Math.max(0, exam.retake.maxAttempts - facts.attempts) : 0,
        approvalExpired: approvalExpiresAt !== null && approvalExpiresAt <= now,
      },
      amendedSinceDeferral: app.state === 'deferred' && app.amended_at !== null && app.amended_at > app.state_changed_at,
      heldFrom: app.held_from,
      reinstatement: app.reinstatement,
      // The continuing-education log arrives with annual renewal (issue 6); until then `renew` stays refused.
      renewalRequirementsMet: false,
    };
  }
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}
