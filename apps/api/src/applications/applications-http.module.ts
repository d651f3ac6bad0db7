import { Module } from '@nestjs/common';
import { ApplicantModule } from '#endorsement';
import { ApplicationActivityController } from './application-activity.controller.js';
import { ApplicationsController } from './applications.controller.js';
import { PortfolioController } from './portfolio.controller.js';

/** The applicant's side of the api: their own applications, portfolio, timeline and emails. */
@Module({
  imports: [ApplicantModule],
  controllers: [ApplicationsController, PortfolioController, ApplicationActivityController],
})
export class ApplicationsHttpModule {}
