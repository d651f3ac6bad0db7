import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { formatCalendarDate, formatDate } from '../notifications/format-date.js';
import { EndorsementsRepository } from '../renewal/endorsements.repository.js';
import { findHeldEndorsement } from './held-endorsement.js';
import { IssuerIdentity } from './issuer-identity.js';
import { renderCertificate } from './render-certificate.js';

export interface GetCertificateCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
}

/**
 * The endorsement's certificate, drawn on request from the data as it is now: after a renewal (or a
 * reinstatement) it shows the new dates without anything being stored or regenerated.
 */
@Injectable()
export class GetCertificate {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    @Inject(FRAMEWORK) private readonly framework: Framework,
    private readonly identity: IssuerIdentity,
    private readonly clock: Clock,
  ) {}

  async execute(command: GetCertificateCommand): Promise<{ fileName: string; pdf: Uint8Array }> {
    const e = await findHeldEndorsement(this.endorsements, command.caller, command.applicationId);
    const association = this.framework.association(e.associationCode);
    const pdf = await renderCertificate({
      associationName: association.name,
      tagline: association.branding.tagline,
      primaryColor: association.branding.primaryColor,
      accentColor: association.branding.accentColor,
      holderName: e.holderName,
      categoryName: this.framework.displayName(e.associationCode, e.categoryCode, e.trackCode ?? undefined),
      endorsementNumber: e.number,
      endorsedOn: formatDate(e.endorsedAt, association.timeZone),
      renewalDueOn: formatCalendarDate(e.renewalDueOn, association.timeZone),
      verifyUrl: this.identity.verifyUrl(e.number),
      issuedAt: this.clock.now(),
    });
    return { fileName: `endorsement-${e.number}.pdf`, pdf };
  }
}
