import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Public, ThrottledAs } from '#auth';
import { CheckEndorsement } from '#endorsement';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { endorsementCheckResponse } from './dto/credentials.responses.js';
import { endorsementNumberParamsSchema, type EndorsementNumberParams } from './dto/credentials.schema.js';

/** The public check of an endorsement number, as JSON (the page for people is /verify/{number}). */
@ApiTags('verification')
@Controller('verifications')
export class VerificationsController {
  constructor(private readonly checkEndorsement: CheckEndorsement) {}

  @Get(':number')
  @ApiContract({
    id: 'checkEndorsement',
    summary: 'Check an endorsement number',
    description:
      "Whether the endorsement with this number stands today, its holder's name and its category; nothing else, and no listing. No sign-in; throttled per client address.",
    returns: endorsementCheckResponse,
    problems: { 404: ['endorsement_not_found'], 429: ['too_many_requests'] },
  })
  @Public()
  @ThrottledAs('public')
  check(@Param({ schema: endorsementNumberParamsSchema }) params: EndorsementNumberParams): Promise<z.output<typeof endorsementCheckResponse>> {
    return this.checkEndorsement.execute(params.number);
  }
}
