import { Module } from '@nestjs/common';
import { CredentialsModule } from '#endorsement';
import { EndorsementCredentialsController } from './endorsement-credentials.controller.js';
import { IssuerDocumentsController } from './issuer-documents.controller.js';
import { VerificationsController } from './verifications.controller.js';
import { VerifyPageController } from './verify-page.controller.js';

/**
 * Certificates and credentials for their holders (JSON API), and what anyone may check them with:
 * /verifications/{number} (JSON API), and under /verify/ the page, status lists and issuer keys,
 * whose addresses are printed and signed into credentials and so stay out of the API's version prefix.
 */
@Module({
  imports: [CredentialsModule],
  controllers: [EndorsementCredentialsController, VerificationsController, IssuerDocumentsController, VerifyPageController],
})
export class CredentialsHttpModule {}
