import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { DecideEscalatedPanel } from '#endorsement';
import { applicationParamsSchema, type ApplicationParams } from '../staff/dto/staff-application.schema.js';
import { expectedVersion, versionTag } from '../staff/if-match.js';
import { panelDecisionSchema, type PanelDecisionBody } from './dto/panel.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { TRANSITION_PROBLEMS } from '../docs/problem-responses.js';
import { stepTakenResponse } from '../dto/response-fields.js';

/** When the two reviewers disagree, an administrator decides, at the version they saw (If-Match). */
@ApiTags('panel')
@Controller('staff/applications/:id/panel-decision')
@Roles('administrator')
export class PanelDecisionController {
  constructor(private readonly decide: DecideEscalatedPanel) {}

  @Post()
  @ApiContract({
    id: 'decideEscalatedPanel',
    summary: 'Decide an escalated panel',
    description: 'When the two reviewers disagree, an administrator decides (endorse, defer or deny with a reason) at the version they saw.',
    returns: stepTakenResponse,
    etag: true,
    ifMatch: 'required',
    problems: { ...TRANSITION_PROBLEMS, 409: [...TRANSITION_PROBLEMS[409], 'panel_not_escalated'] },
  })
  @HttpCode(200)
  async decision(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: panelDecisionSchema }) body: PanelDecisionBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.output<typeof stepTakenResponse>> {
    const result = await this.decide.execute({ caller, applicationId: params.id, expectedVersion: expectedVersion(ifMatch), ...body });
    res.setHeader('ETag', versionTag(result.version));
    return result;
  }
}
