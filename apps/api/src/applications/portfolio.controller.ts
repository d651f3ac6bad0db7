import { Body, Controller, Headers, Param, Put } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { EditPortfolioSection, type PortfolioSection } from '#endorsement';
import type { EligibilityGap, Portfolio } from '#framework';
import { applicationParamsSchema, type ApplicationParams } from './dto/application.schema.js';
import { portfolioSectionSchemas as schemas, type SectionBody } from './dto/portfolio-section.schema.js';
import { optionalVersion } from './if-match.js';

type Edited = { version: number; eligibilityGaps: EligibilityGap[] };

/**
 * Each portfolio section is replaced whole by its own route, validated by that section's schema;
 * the answer says what the portfolio still lacks, so the applicant sees it as they edit.
 */
@Controller('applications/:id/portfolio')
@Roles('applicant')
export class PortfolioController {
  constructor(private readonly editSection: EditPortfolioSection) {}

  @Put('education')
  education(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.education }) body: SectionBody<'education'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'education', body.education);
  }

  @Put('work')
  work(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.work }) body: SectionBody<'work'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'work', body.work);
  }

  @Put('trainings')
  trainings(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.trainings }) body: SectionBody<'trainings'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'trainings', body.trainings);
  }

  @Put('rsc')
  rsc(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.rsc }) body: SectionBody<'rsc'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'rsc', body.rsc);
  }

  @Put('references')
  references(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.references }) body: SectionBody<'references'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'references', body.references);
  }

  @Put('agreements')
  agreements(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.agreements }) body: SectionBody<'agreements'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'agreements', body.agreements);
  }

  @Put('membership')
  membership(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.membership }) body: SectionBody<'membership'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'membership', body.membership);
  }

  private edit<S extends PortfolioSection>(caller: AuthenticatedAccount, params: ApplicationParams, ifMatch: string | undefined, section: S, value: Portfolio[S]): Promise<Edited> {
    return this.editSection.execute({ personId: caller.personId, applicationId: params.id, section, value, expectedVersion: optionalVersion(ifMatch) });
  }
}
