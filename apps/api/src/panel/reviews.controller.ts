import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { CastPanelVote, GetReview, ListReviews } from '#endorsement';
import { panelVoteSchema, reviewParamsSchema, type PanelVoteBody, type ReviewParams } from './dto/panel.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { panelVoteResponse, reviewListResponse, reviewResponse } from './dto/panel.responses.js';

/**
 * A reviewer's side of the panel: the applications assigned to them, each one's portfolio and
 * ratings, and their vote. An application not assigned to the caller answers 404.
 */
@ApiTags('panel')
@Controller('reviews')
@Roles('reviewer')
export class ReviewsController {
  constructor(
    private readonly listReviews: ListReviews,
    private readonly getReview: GetReview,
    private readonly castVote: CastPanelVote,
  ) {}

  @Get()
  @ApiContract({
    id: 'listReviews',
    summary: 'List my reviews',
    description: 'The applications in panel review assigned to the caller.',
    returns: reviewListResponse,
  })
  list(@CurrentAccount() caller: AuthenticatedAccount): Promise<z.output<typeof reviewListResponse>> {
    return this.listReviews.execute(caller);
  }

  @Get(':applicationId')
  @ApiContract({
    id: 'getReview',
    summary: 'Get an application to review',
    description:
      "Its portfolio and ratings, the checklist's competency domains and the caller's vote if cast. An application not assigned to the caller answers 404.",
    returns: reviewResponse,
    problems: { 404: ['review_not_found'] },
  })
  review(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: reviewParamsSchema }) params: ReviewParams,
  ): Promise<z.output<typeof reviewResponse>> {
    // The portfolio is the stored JSON, typed loosely by the use case; the journeys check it against this schema.
    return this.getReview.execute(caller, params.applicationId);
  }

  @Post(':applicationId/vote')
  @ApiContract({
    id: 'castPanelVote',
    summary: 'Vote on an application',
    description:
      'Records the competency checklist (one answer per domain) and a recommendation; once both reviewers voted, agreement decides and disagreement escalates to an administrator.',
    status: 201,
    returns: panelVoteResponse,
    problems: { 404: ['review_not_found'], 409: ['already_voted', 'not_in_panel_review'] },
  })
  vote(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: reviewParamsSchema }) params: ReviewParams,
    @Body({ schema: panelVoteSchema }) body: PanelVoteBody,
  ): Promise<z.output<typeof panelVoteResponse>> {
    return this.castVote.execute({ caller, applicationId: params.applicationId, ...body });
  }
}
