import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hashRaterLinkToken } from '#auth';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { formatDate } from '../notifications/format-date.js';
import { linkProblem } from './link-problem.js';
import { RaterLinkUnavailableError } from './rater-link-unavailable.error.js';
import { ReferencesRepository, type ReferenceByToken } from './references.repository.js';

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

/**
 * Loads the open reference a link names, or throws RaterLinkUnavailableError. With `lock`, the
 * reference and its application stay locked until the caller's transaction ends (see
 * ReferencesRepository.findByTokenHash).
 */
export async function loadOpenReference(
  references: ReferencesRepository,
  token: string,
  now: Date,
  lock: boolean,
  manager?: EntityManager,
): Promise<ReferenceByToken> {
  const row = await references.findByTokenHash(hashRaterLinkToken(token), lock, manager);
  const problem = linkProblem(row, now);
  if (problem) throw new RaterLinkUnavailableError(problem);
  return row!;
}

/** Opens a rater's link: what the form page says about the applicant and the request. */
@Injectable()
export class FindReferenceByToken {
  constructor(
    private readonly references: ReferencesRepository,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(token: string): Promise<RaterFormView> {
    const ref = await loadOpenReference(this.references, token, this.clock.now(), false);
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
