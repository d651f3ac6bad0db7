import { Body, Controller, Get, Inject, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, ThrottledAs } from '#auth';
import { FindReferenceByToken, RateReference } from '#endorsement';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';
import { sendPage } from '../pages/page-layout.js';
import { renderRatingFormPage } from './rater-form.page.js';
import { RaterPageFilter } from './rater-page.filter.js';
import { renderThanksPage } from './rater-thanks.page.js';
import { raterToken } from './rater-token.js';
import { parseRatingSubmission } from './rating-submission.dto.js';

/**
 * The reference rating form behind a rater's emailed link. No account: the link's secret is the
 * only credential, and it opens this one reference until it is used or expires.
 */
// HTML pages for raters' browsers, not part of the JSON API.
@ApiExcludeController()
@Public()
@ThrottledAs('public')
@Controller('r')
@UseFilters(RaterPageFilter)
export class RaterFormController {
  constructor(
    private readonly findReference: FindReferenceByToken,
    private readonly rateReference: RateReference,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const view = await this.findReference.execute(raterToken(token));
    sendPage(res, 200, renderRatingFormPage(view, this.framework.ratingForm));
  }

  @Post(':token')
  async submit(@Param('token') token: string, @Body() body: unknown, @Res() res: Response): Promise<void> {
    const secret = raterToken(token);
    const form = this.framework.ratingForm;
    const parsed = parseRatingSubmission(body, form);
    if (!parsed.ok) {
      // Shown again as sent, with what to correct; nothing is stored. A closed link gets its own page.
      const view = await this.findReference.execute(secret);
      return sendPage(res, 422, renderRatingFormPage(view, form, parsed));
    }
    const result = await this.rateReference.execute({ token: secret, ...parsed.value });
    sendPage(res, 200, renderThanksPage(result));
  }
}
