import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CurrentAccount, Public, Roles, ThrottledAs, type AuthenticatedAccount } from '#auth';
import { SearchRegistry, SetRegistryListing } from '#endorsement';
import {
  listingParamsSchema,
  listingSchema,
  registrySearchSchema,
  type ListingBody,
  type ListingParams,
  type RegistrySearchQuery,
} from './dto/registry.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { registryListingResponse, registryPageResponse } from './dto/registry.responses.js';

/** The public registry of endorsements, and the endorsee's choice to appear in it. */
@ApiTags('registry')
@Controller('registry')
export class RegistryController {
  constructor(
    private readonly searchRegistry: SearchRegistry,
    private readonly setListing: SetRegistryListing,
  ) {}

  @Get()
  @ApiContract({
    id: 'searchRegistry',
    summary: 'Search the public registry',
    description: 'Endorsees who chose to be listed, by association, category or name; keyset pages. No sign-in.',
    returns: registryPageResponse,
    problems: { 429: ['too_many_requests'] },
  })
  @Public()
  @ThrottledAs('public')
  search(@Query({ schema: registrySearchSchema }) query: RegistrySearchQuery): Promise<z.output<typeof registryPageResponse>> {
    const { cursor, ...filters } = query;
    return this.searchRegistry.execute({ ...filters, after: cursor });
  }

  @Put('listing/:applicationId')
  @ApiContract({
    id: 'setRegistryListing',
    summary: 'Choose whether my endorsement is listed',
    description: 'Lists the endorsement in the public registry, or takes it off.',
    returns: registryListingResponse,
    problems: { 404: ['application_not_found'], 409: ['not_endorsed'] },
  })
  @Roles('applicant')
  listing(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: listingParamsSchema }) params: ListingParams,
    @Body({ schema: listingSchema }) body: ListingBody,
  ): Promise<z.output<typeof registryListingResponse>> {
    return this.setListing.execute({ caller, applicationId: params.applicationId, listed: body.listed });
  }
}
