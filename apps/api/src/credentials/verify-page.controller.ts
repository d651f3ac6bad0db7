import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, ThrottledAs } from '#auth';
import { CheckEndorsement } from '#endorsement';
import { Clock } from '#platform';
import { sendPage } from '../pages/page-layout.js';
import { endorsementNumberParamsSchema, type EndorsementNumberParams } from './dto/credentials.schema.js';
import { VerifyPageFilter } from './verify-page.filter.js';
import { renderVerifyPage } from './verify.page.js';

/**
 * /verify/{number}: the page certificates point employers to. Server-rendered like the rater form,
 * outside the versioned JSON API (its address is printed on certificates); the same check as JSON
 * is GET /verifications/{number}.
 */
@ApiExcludeController()
@Public()
@ThrottledAs('public')
@Controller('verify')
@UseFilters(VerifyPageFilter)
export class VerifyPageController {
  constructor(
    private readonly checkEndorsement: CheckEndorsement,
    private readonly clock: Clock,
  ) {}

  @Get(':number')
  async show(@Param({ schema: endorsementNumberParamsSchema }) params: EndorsementNumberParams, @Res() res: Response): Promise<void> {
    const check = await this.checkEndorsement.execute(params.number);
    sendPage(res, 200, renderVerifyPage(check, this.clock.now()));
  }
}
