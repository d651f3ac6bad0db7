import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { EndorsementsRepository } from '../renewal/endorsements.repository.js';
import { renewalCycle } from '../renewal/renewal-calendar.js';
import { findHeldEndorsement } from './held-endorsement.js';
import { IssuerKeys } from './issuer-keys.js';
import { signCredential } from './sign-credential.js';
import { statusListIndex } from './status-list-index.js';

export interface IssueCredentialCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
}

const CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

/**
 * The endorsement as an Open Badges 3.0 credential (a W3C Verifiable Credential 2.0), signed by its
 * association. Valid until the current cycle's late window ends; before that its status list entry
 * says whether it still stands (set on lapse, cleared when endorsed again). Renewal moves the dates:
 * the holder downloads a new one, as with the certificate.
 */
@Injectable()
export class IssueCredential {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    @Inject(FRAMEWORK) private readonly framework: Framework,
    private readonly keys: IssuerKeys,
    private readonly clock: Clock,
  ) {}

  async execute(command: IssueCredentialCommand): Promise<string> {
    const e = await findHeldEndorsement(this.endorsements, command.caller, command.applicationId);
    const association = this.framework.association(e.associationCode);
    const key = this.keys.key(e.associationCode)!;
    const index = await statusListIndex(this.endorsements, e.applicationId, e.associationCode, this.clock.now());
    const listUrl = this.keys.identity.statusListUrl(e.associationCode);
    const categoryName = this.framework.displayName(e.associationCode, e.categoryCode, e.trackCode ?? undefined);
    const achievementKey = [e.categoryCode, e.trackCode].filter(Boolean).join('-');
    return signCredential(
      {
        '@context': CONTEXTS,
        id: `urn:uuid:${e.applicationId}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        name: `${categoryName} Endorsement`,
        issuer: { id: key.did, type: ['Profile'], name: association.name },
        validFrom: e.endorsedAt.toISOString(),
        validUntil: renewalCycle(e.renewalDueOn, association.renewal, association.timeZone).lapsesAt.toISOString(),
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [
            { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: e.holderName },
            { type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: e.number },
          ],
          achievement: {
            id: `${this.keys.identity.issuerUrl(e.associationCode)}/achievements/${achievementKey}`,
            type: ['Achievement'],
            achievementType: 'Certification',
            name: categoryName,
            description: `${association.name}'s Endorsement as ${categoryName}${association.branding.tagline ? `: ${association.branding.tagline}` : ''}.`,
            criteria: {
              narrative: `Met ${association.name}'s requirements for the ${categoryName} Endorsement, reviewed by its reviewers; renewed every year.`,
            },
          },
        },
        credentialStatus: {
          id: `${listUrl}#${index}`,
          type: 'BitstringStatusListEntry',
          statusPurpose: 'suspension',
          statusListIndex: String(index),
          statusListCredential: listUrl,
        },
      },
      key,
    );
  }
}
