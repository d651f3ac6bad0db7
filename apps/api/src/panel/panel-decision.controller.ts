import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { DecideEscalatedPanel } from '#endorsement';
import { applicationParamsSchema, type ApplicationParams } from '../staff/dto/staff-application.schema.js';
import { expectedVersion, versionTag } from '../staff/if-match.js';
import { panelDecisionSchema, type PanelDecisionBody } from './dto/panel.schema.js';

/** When the two reviewers disagree, an administrator decides, at the version they saw (If-Match). */
@Controller('staff/applications/:id/panel-decision')
@Roles('administrator')
export class PanelDecisionController {
  constructor(private readonly decide: DecideEscalatedPanel) {}

  @Post()
  @HttpCode(200)
  async decision(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: panelDecisionSchema }) body: PanelDecisionBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ applicationId: string; state: string; version: number }> {
    const result = await this.decide.execute({ caller, applicationId: params.id, expectedVersion: expectedVersion(ifMatch), ...body });
    res.setHeader('ETag', versionTag(result.version));
    return result;
  }
}
