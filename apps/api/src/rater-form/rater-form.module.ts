import { Module } from '@nestjs/common';
import { EndorsementModule } from '#endorsement';
import { RaterFormController } from './rater-form.controller.js';

/** The rater's side of references: GET and POST /r/:token, HTML pages that work without JavaScript. */
@Module({
  imports: [EndorsementModule],
  controllers: [RaterFormController],
})
export class RaterFormModule {}
