import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ListEndorsements, SubmitRenewal } from '#endorsement';
import { ProblemException } from '#platform';
import { noBodySchema } from '../applications/dto/application.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { endorsementListResponse, renewalResponse } from './dto/continuing-education.responses.js';

/**
 * The endorsements a person holds, and their renewal: all due endorsements at once, on the same
 * hours, one renewal (and fee) per association and due day.
 */
@ApiTags('continuing-education')
@Controller()
@Roles('applicant')
export class RenewalsController {
  constructor(
    private readonly listEndorsements: ListEndorsements,
    private readonly submitRenewal: SubmitRenewal,
  ) {}

  @Get('endorsements')
  @ApiContract({
    id: 'listEndorsements',
    summary: 'List my endorsements',
    description: 'The endorsements the caller holds, with their numbers, status and renewal due day.',
    returns: endorsementListResponse,
  })
  endorsements(@CurrentAccount() caller: AuthenticatedAccount): Promise<z.output<typeof endorsementListResponse>> {
    return this.listEndorsements.execute(caller.personId);
  }

  @Post('renewals')
  @ApiContract({
    id: 'submitRenewal',
    summary: 'Renew my endorsements',
    description:
      'Renews every endorsement that is due at once, on the same approved hours, one renewal (and fee) per association and due day; 422 lists what the cycle still lacks.',
    returns: renewalResponse,
    problems: { 409: ['nothing_to_renew'], 422: ['renewal_requirements_unmet'] },
  })
  @HttpCode(200)
  async renew(@CurrentAccount() caller: AuthenticatedAccount, @Body({ schema: noBodySchema }) _body: undefined): Promise<z.output<typeof renewalResponse>> {
    const { renewals, gaps } = await this.submitRenewal.execute(caller.personId);
    if (gaps.length) {
      throw new ProblemException(422, 'renewal_requirements_unmet', 'The renewal requirements are not met yet', gaps.map((g) => g.message).join(' '), { gaps });
    }
    if (!renewals.length) {
      throw new ProblemException(
        409,
        'nothing_to_renew',
        'Nothing to renew now',
        'None of your endorsements is due for renewal; renewal opens before the due day.',
      );
    }
    return { renewals };
  }
}
