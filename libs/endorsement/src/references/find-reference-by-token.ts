import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hashRaterLinkToken } from '#auth';
import type { Framework, RulesSnapshot } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { formatDate } from '../notifications/format-date.js';
import { linkProblem, type RaterLinkFacts } from './link-problem.js';
import { RaterLinkUnavailableError } from './rater-link-unavailable.error.js';

/** A rater's reference with what its form and its effects need, found by the link's hash. */
export interface ReferenceByToken extends RaterLinkFacts {
  id: string;
  application_id: string;
  role: string;
  rater_name: string;
  waived_access: boolean;
  association_code: string;
  reinstatement: boolean;
  rules: RulesSnapshot;
  applicant_name: string;
  applicant_email: string;
}

/** What the rater is shown about the request: never more than the request email already said. */
export interface RaterFormView {
  applicantName: string;
  categoryName: string;
  associationName: string;
  associationEmail: string;
  raterName: string;
  raterRole: string;
  /** False when the applicant waived the right to read the form. */
  applicantMaySeeAnswers: boolean;
  linkExpires: string | null;
}

const SELECT_BY_TOKEN_HASH = `
  SELECT r.id, r.application_id, r.role, r.rater_name, r.waived_access, r.status, r.revoked_at, r.token_expires_at,
         a.state, a.held_from, a.association_code, a.reinstatement, a.rules, p.full_name AS applicant_name, p.email AS applicant_email
    FROM application_references r
    JOIN applications a ON a.id = r.application_id
    JOIN people p ON p.id = a.applicant_id
   WHERE r.token_hash = $1`;

/**
 * Loads the open reference a link names, or throws RaterLinkUnavailableError. With `lock`, the
 * reference and its application are locked until the caller's transaction ends: ratings of one
 * application then run one after another, so the last one sees all the others. NO KEY UPDATE, not
 * UPDATE: inserts that merely reference these rows (ledger, reminders) do not wait on it.
 */
export async function loadOpenReference(manager: EntityManager | DataSource, token: string, now: Date, lock: boolean): Promise<ReferenceByToken> {
  const [row] = await manager.query<ReferenceByToken[]>(lock ? `${SELECT_BY_TOKEN_HASH} FOR NO KEY UPDATE OF r, a` : SELECT_BY_TOKEN_HASH, [
    hashRaterLinkToken(token),
  ]);
  const problem = linkProblem(row, now);
  if (problem) throw new RaterLinkUnavailableError(problem);
  return row;
}

/** Opens a rater's link: what the form page says about the applicant and the request. */
@Injectable()
export class FindReferenceByToken {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(token: string): Promise<RaterFormView> {
    const ref = await loadOpenReference(this.dataSource, token, this.clock.now(), false);
    const association = this.framework.association(ref.association_code);
    return {
      applicantName: ref.applicant_name,
      categoryName: ref.rules.displayName,
      associationName: association.name,
      associationEmail: association.coordinatorEmail,
      raterName: ref.rater_name,
      raterRole: ref.rules.rules.references.roles.find((r) => r.code === ref.role)?.label ?? ref.role,
      applicantMaySeeAnswers: !ref.waived_access,
      linkExpires: ref.token_expires_at ? formatDate(ref.token_expires_at, association.timeZone) : null,
    };
  }
}
