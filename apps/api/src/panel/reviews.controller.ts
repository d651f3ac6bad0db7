import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { CastPanelVote, GetReview, ListReviews, type CastPanelVoteResult, type ReviewListItem, type ReviewView } from '#endorsement';
import { panelVoteSchema, reviewParamsSchema, type PanelVoteBody, type ReviewParams } from './dto/panel.schema.js';

/**
 * A reviewer's side of the panel: the applications assigned to them, each one's portfolio and
 * ratings, and their vote. An application not assigned to the caller answers 404.
 */
@Controller('reviews')
@Roles('reviewer')
export class ReviewsController {
  constructor(
    private readonly listReviews: ListReviews,
    private readonly getReview: GetReview,
    private readonly castVote: CastPanelVote,
  ) {}

  @Get()
  list(@CurrentAccount() caller: AuthenticatedAccount): Promise<{ reviews: ReviewListItem[] }> {
    return this.listReviews.execute(caller);
  }

  @Get(':applicationId')
  review(@CurrentAccount() caller: AuthenticatedAccount, @Param({ schema: reviewParamsSchema }) params: ReviewParams): Promise<ReviewView> {
    return this.getReview.execute(caller, params.applicationId);
  }

  @Post(':applicationId/vote')
  vote(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: reviewParamsSchema }) params: ReviewParams,
    @Body({ schema: panelVoteSchema }) body: PanelVoteBody,
  ): Promise<CastPanelVoteResult> {
    return this.castVote.execute({ caller, applicationId: params.applicationId, ...body });
  }
}
