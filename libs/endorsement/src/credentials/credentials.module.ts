import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { EndorsementModule } from '../endorsement.module.js';
import { CheckEndorsement } from './check-endorsement.use-case.js';
import { GetCertificate } from './get-certificate.use-case.js';
import { GetIssuerDocuments } from './get-issuer-documents.use-case.js';
import { GetStatusList } from './get-status-list.use-case.js';
import { IssueCredential } from './issue-credential.use-case.js';
import { IssuerIdentity } from './issuer-identity.js';
import { IssuerKeys } from './issuer-keys.js';

const USE_CASES = [GetCertificate, IssueCredential, GetStatusList, GetIssuerDocuments, CheckEndorsement];

/** Certificates, verifiable credentials, their status lists and issuer keys, and the public check. */
@Module({
  imports: [EndorsementModule],
  providers: [
    { provide: IssuerIdentity, useFactory: (config: AppConfig) => new IssuerIdentity(config.http.publicBaseUrl), inject: [APP_CONFIG] },
    IssuerKeys,
    ...USE_CASES,
  ],
  exports: [EndorsementModule, ...USE_CASES],
})
export class CredentialsModule {}
