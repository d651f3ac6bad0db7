import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CurrentAccount, Public, Roles, ThrottledAs, type AuthenticatedAccount } from '#auth';
import { SearchRegistry, SetRegistryListing, type RegistryEntry } from '#endorsement';
import {
  listingParamsSchema,
  listingSchema,
  registrySearchSchema,
  type ListingBody,
  type ListingParams,
  type RegistrySearchQuery,
} from './dto/registry.schema.js';

/** The public registry of endorsements, and the endorsee's choice to appear in it. */
@Controller('registry')
export class RegistryController {
  constructor(
    private readonly searchRegistry: SearchRegistry,
    private readonly setListing: SetRegistryListing,
  ) {}

  @Get()
  @Public()
  @ThrottledAs('public')
  search(@Query({ schema: registrySearchSchema }) query: RegistrySearchQuery): Promise<{ items: RegistryEntry[]; nextCursor: string | null }> {
    const { cursor, ...filters } = query;
    return this.searchRegistry.execute({ ...filters, after: cursor });
  }

  @Put('listing/:applicationId')
  @Roles('applicant')
  listing(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: listingParamsSchema }) params: ListingParams,
    @Body({ schema: listingSchema }) body: ListingBody,
  ): Promise<{ applicationId: string; listed: boolean }> {
    return this.setListing.execute({ caller, applicationId: params.applicationId, listed: body.listed });
  }
}
