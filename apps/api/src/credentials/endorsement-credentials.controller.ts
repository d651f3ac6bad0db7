import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { GetCertificate, IssueCredential, VC_JWT_MEDIA_TYPE } from '#endorsement';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { applicationParamsSchema, type ApplicationParams } from '../dto/application-params.schema.js';

const PROBLEMS = { 404: ['endorsement_not_found'], 409: ['endorsement_not_current'] } as const;

/** The holder's certificate and verifiable credential; staff of the association may fetch them too. */
@ApiTags('endorsements')
@Controller('endorsements')
export class EndorsementCredentialsController {
  constructor(
    private readonly getCertificate: GetCertificate,
    private readonly issueCredential: IssueCredential,
  ) {}

  @Get(':id/certificate')
  @ApiContract({
    id: 'downloadCertificate',
    summary: 'Download the certificate of an endorsement',
    description:
      'A one-page PDF drawn from the endorsement as it is now (name, category as the association names it, number, dates), so it always shows the latest renewal. Only while the endorsement is in good standing.',
    media: { type: 'application/pdf', description: 'The certificate.', schema: { type: 'string', format: 'binary' } },
    problems: PROBLEMS,
  })
  @Roles('applicant', 'coordinator', 'administrator')
  async certificate(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.getCertificate.execute({ caller, applicationId: params.id });
    return new StreamableFile(Buffer.from(pdf), { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }

  @Get(':id/credential')
  @ApiContract({
    id: 'downloadCredential',
    summary: 'Download the endorsement as a verifiable credential',
    description:
      "An Open Badges 3.0 credential (W3C Verifiable Credentials 2.0) secured as a JWT (VC-JOSE-COSE, `typ` vc+jwt, EdDSA) with the association's key, whose DID document and JWKS are under /verify/issuers/{association}. " +
      "Its `credentialStatus` points into the association's Bitstring Status List (/verify/status/{association}), whose bit is set while the endorsement is lapsed. Valid until the current renewal cycle's late window ends: download it again after renewing.",
    media: { type: VC_JWT_MEDIA_TYPE, description: 'The signed credential (compact JWS).', schema: { type: 'string' } },
    problems: PROBLEMS,
  })
  @Roles('applicant', 'coordinator', 'administrator')
  @Header('Content-Type', VC_JWT_MEDIA_TYPE)
  @Header('Cache-Control', 'no-store')
  credential(@CurrentAccount() caller: AuthenticatedAccount, @Param({ schema: applicationParamsSchema }) params: ApplicationParams): Promise<string> {
    return this.issueCredential.execute({ caller, applicationId: params.id });
  }
}
