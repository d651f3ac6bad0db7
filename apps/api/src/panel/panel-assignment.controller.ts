import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { AssignPanel } from '#endorsement';
import { applicationParamsSchema, type ApplicationParams } from '../staff/dto/staff-application.schema.js';
import { panelAssignmentSchema, type PanelAssignmentBody } from './dto/panel.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { panelResponse } from './dto/panel.responses.js';

/** A coordinator or administrator names the two reviewers of an application's current round. */
@ApiTags('panel')
@Controller('staff/applications/:id/panel')
@Roles('coordinator', 'administrator')
export class PanelAssignmentController {
  constructor(private readonly assignPanel: AssignPanel) {}

  @Post()
  @ApiContract({
    id: 'assignPanel',
    summary: 'Seat the review panel',
    description:
      "Names the two reviewers of the application's current round (reviewers of its association); reviewers taken off the panel before voting are told.",
    returns: panelResponse,
    problems: { 404: ['application_not_found'], 409: ['not_in_panel_review', 'panel_votes_in'], 422: ['reviewers_not_eligible'] },
  })
  @HttpCode(200)
  assign(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Body({ schema: panelAssignmentSchema }) body: PanelAssignmentBody,
  ): Promise<z.output<typeof panelResponse>> {
    return this.assignPanel.execute({ caller, applicationId: params.id, reviewerIds: body.reviewerIds });
  }
}
