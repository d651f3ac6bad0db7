import { Body, Controller, Headers, Param, Put } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { EditPortfolioSection, type PortfolioSection } from '#endorsement';
import type { Portfolio } from '#framework';
import { applicationParamsSchema, type ApplicationParams } from './dto/application.schema.js';
import { portfolioSectionSchemas as schemas, type SectionBody } from './dto/portfolio-section.schema.js';
import { optionalVersion } from './if-match.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { portfolioEditedResponse } from './dto/application.responses.js';

type Edited = z.output<typeof portfolioEditedResponse>;

/** Every section answers alike: the new version and what the portfolio still lacks. */
const SECTION_CONTRACT = {
  returns: portfolioEditedResponse,
  ifMatch: 'optional',
  problems: { 404: ['application_not_found'], 409: ['application_not_editable'] },
} as const;

/**
 * Each portfolio section is replaced whole by its own route, validated by that section's schema;
 * the answer says what the portfolio still lacks, so the applicant sees it as they edit.
 */
@ApiTags('applications')
@Controller('applications/:id/portfolio')
@Roles('applicant')
export class PortfolioController {
  constructor(private readonly editSection: EditPortfolioSection) {}

  @Put('education')
  @ApiContract({
    id: 'replacePortfolioEducation',
    summary: 'Replace the education section',
    description: 'Degrees and diplomas, replaced whole.',
    ...SECTION_CONTRACT,
  })
  education(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.education }) body: SectionBody<'education'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'education', body.education);
  }

  @Put('work')
  @ApiContract({
    id: 'replacePortfolioWork',
    summary: 'Replace the work section',
    description: 'Paid and volunteer work with infants, young children and families, replaced whole.',
    ...SECTION_CONTRACT,
  })
  work(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.work }) body: SectionBody<'work'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'work', body.work);
  }

  @Put('trainings')
  @ApiContract({
    id: 'replacePortfolioTrainings',
    summary: 'Replace the trainings section',
    description: 'Specialized trainings with their hours and competency areas, replaced whole.',
    ...SECTION_CONTRACT,
  })
  trainings(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.trainings }) body: SectionBody<'trainings'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'trainings', body.trainings);
  }

  @Put('rsc')
  @ApiContract({
    id: 'replacePortfolioRsc',
    summary: 'Replace the reflective supervision section',
    description: 'Reflective supervision or consultation received, replaced whole.',
    ...SECTION_CONTRACT,
  })
  rsc(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.rsc }) body: SectionBody<'rsc'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'rsc', body.rsc);
  }

  @Put('references')
  @ApiContract({
    id: 'replacePortfolioReferences',
    summary: 'Replace the references section',
    description: 'The raters who will be asked for a reference once staff begin the reference checks, replaced whole.',
    ...SECTION_CONTRACT,
  })
  references(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.references }) body: SectionBody<'references'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'references', body.references);
  }

  @Put('agreements')
  @ApiContract({
    id: 'replacePortfolioAgreements',
    summary: 'Replace the agreements section',
    description: 'When the applicant signed the code of ethics and the endorsement agreement.',
    ...SECTION_CONTRACT,
  })
  agreements(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.agreements }) body: SectionBody<'agreements'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'agreements', body.agreements);
  }

  @Put('membership')
  @ApiContract({
    id: 'replacePortfolioMembership',
    summary: 'Replace the membership section',
    description: "The applicant's membership of the association, or null.",
    ...SECTION_CONTRACT,
  })
  membership(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: schemas.membership }) body: SectionBody<'membership'>,
  ): Promise<Edited> {
    return this.edit(caller, params, ifMatch, 'membership', body.membership);
  }

  private edit<S extends PortfolioSection>(
    caller: AuthenticatedAccount,
    params: ApplicationParams,
    ifMatch: string | undefined,
    section: S,
    value: Portfolio[S],
  ): Promise<Edited> {
    return this.editSection.execute({ personId: caller.personId, applicationId: params.id, section, value, expectedVersion: optionalVersion(ifMatch) });
  }
}
