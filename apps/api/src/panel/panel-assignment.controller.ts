import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { AssignPanel } from '#endorsement';
import { applicationParamsSchema, type ApplicationParams } from '../staff/dto/staff-application.schema.js';
import { panelAssignmentSchema, type PanelAssignmentBody } from './dto/panel.schema.js';

/** A coordinator or administrator names the two reviewers of an application's current round. */
@Controller('staff/applications/:id/panel')
@Roles('coordinator', 'administrator')
export class PanelAssignmentController {
  constructor(private readonly assignPanel: AssignPanel) {}

  @Post()
  @HttpCode(200)
  assign(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Body({ schema: panelAssignmentSchema }) body: PanelAssignmentBody,
  ): Promise<{ applicationId: string; round: number; reviewerIds: string[] }> {
    return this.assignPanel.execute({ caller, applicationId: params.id, reviewerIds: body.reviewerIds });
  }
}
