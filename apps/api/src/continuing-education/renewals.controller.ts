import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ListEndorsements, SubmitRenewal, type EndorsementView, type SubmitRenewalResult } from '#endorsement';
import { ProblemException } from '#platform';
import { noBodySchema } from '../applications/dto/application.schema.js';

/**
 * The endorsements a person holds, and their renewal: all due endorsements at once, on the same
 * hours, one renewal (and fee) per association and due day.
 */
@Controller()
@Roles('applicant')
export class RenewalsController {
  constructor(
    private readonly listEndorsements: ListEndorsements,
    private readonly submitRenewal: SubmitRenewal,
  ) {}

  @Get('endorsements')
  endorsements(@CurrentAccount() caller: AuthenticatedAccount): Promise<{ endorsements: EndorsementView[] }> {
    return this.listEndorsements.execute(caller.personId);
  }

  @Post('renewals')
  @HttpCode(200)
  async renew(@CurrentAccount() caller: AuthenticatedAccount, @Body({ schema: noBodySchema }) _body: undefined): Promise<Pick<SubmitRenewalResult, 'renewals'>> {
    const { renewals, gaps } = await this.submitRenewal.execute(caller.personId);
    if (gaps.length) {
      throw new ProblemException(422, 'renewal_requirements_unmet', 'The renewal requirements are not met yet', gaps.map((g) => g.message).join(' '), { gaps });
    }
    if (!renewals.length) {
      throw new ProblemException(409, 'nothing_to_renew', 'Nothing to renew now', 'None of your endorsements is due for renewal; renewal opens before the due day.');
    }
    return { renewals };
  }
}
