import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';
import type { ReferenceStandingFields } from '../references/reference-standing.view.js';
import { PanelRepository } from './panel.repository.js';
import { PanelProblems } from './panel.problems.js';

/** What a reviewer reads: the portfolio, the references with their ratings and whether they still count, and their own vote. */
export interface ReviewView {
  applicationId: string;
  state: string;
  version: number;
  applicantName: string;
  category: string;
  round: number;
  portfolio: Record<string, unknown>;
  /** Current references first; replaced and revoked ones are marked so, and not counted. */
  references: ({ role: string; raterName: string; status: string; rating: unknown; ratedAt: string | null; vetted: boolean } & ReferenceStandingFields)[];
  currentReferenceCount: number;
  /** The checklist's rows: one per competency domain. */
  competencyDomains: { code: string; label: string }[];
  yourVote: { recommendation: string; checklist: Record<string, string>; notes: string | null; votedAt: string } | null;
}

/** One application assigned to the caller in its current round; 404 for any other. */
@Injectable()
export class GetReview {
  constructor(
    private readonly panels: PanelRepository,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(caller: AuthenticatedAccount, applicationId: string): Promise<ReviewView> {
    const review = await this.panels.findReview(applicationId, caller.id, caller.associationCode);
    if (!review) throw PanelProblems.reviewNotFound();
    return { ...review, competencyDomains: this.framework.competencyDomains.map(({ code, label }) => ({ code, label })) };
  }
}
