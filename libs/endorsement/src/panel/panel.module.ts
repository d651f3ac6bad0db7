import { Module } from '@nestjs/common';
import { OutboxNotifier } from '#db';
import { EndorsementModule } from '../endorsement.module.js';
import { AssignPanel } from './assign-panel.use-case.js';
import { CastPanelVote } from './cast-panel-vote.use-case.js';
import { DecideEscalatedPanel } from './decide-escalated-panel.use-case.js';
import { GetReview } from './get-review.use-case.js';
import { ListReviews } from './list-reviews.use-case.js';

const USE_CASES = [AssignPanel, ListReviews, GetReview, CastPanelVote, DecideEscalatedPanel];

/** Panel review: two reviewers per round, their votes, consensus or an administrator's decision. */
@Module({
  imports: [EndorsementModule],
  providers: [OutboxNotifier, ...USE_CASES],
  exports: USE_CASES,
})
export class PanelModule {}
