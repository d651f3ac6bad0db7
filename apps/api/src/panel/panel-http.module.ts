import { Module } from '@nestjs/common';
import { PanelModule } from '#endorsement';
import { PanelAssignmentController } from './panel-assignment.controller.js';
import { PanelDecisionController } from './panel-decision.controller.js';
import { ReviewsController } from './reviews.controller.js';

/** Panel review over HTTP: assignment, reviewers' reviews and votes, the escalated decision. */
@Module({
  imports: [PanelModule],
  controllers: [PanelAssignmentController, ReviewsController, PanelDecisionController],
})
export class PanelHttpModule {}
