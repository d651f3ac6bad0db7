import { Injectable } from '@nestjs/common';
import { Bitstring } from '@digitalbazaar/bitstring';
import { Clock } from '#platform';
import { EndorsementsRepository } from '../renewal/endorsements.repository.js';
import { CURRENT_STATES } from './held-endorsement.js';
import { IssuerKeys } from './issuer-keys.js';
import { issuerNotFound } from './issuer-not-found.js';
import { signCredential } from './sign-credential.js';
import { STATUS_LIST_LENGTH } from './status-list-index.js';

/** How long a verifier may cache the list (the specification's `ttl`, ms); the api itself never caches it. */
const TTL_MS = 5 * 60_000;

/**
 * An association's Bitstring Status List credential (purpose `suspension`: a lapse can be undone by
 * reinstatement), computed from the applications' states at each request, so a bit is set the moment
 * an endorsement lapses and cleared the moment it is endorsed again.
 */
@Injectable()
export class GetStatusList {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    private readonly keys: IssuerKeys,
    private readonly clock: Clock,
  ) {}

  async execute(associationCode: string): Promise<string> {
    const key = this.keys.key(associationCode);
    if (!key) throw issuerNotFound();
    const suspended = await this.endorsements.findSuspendedStatusIndexes(associationCode, CURRENT_STATES);
    const list = new Bitstring({ length: STATUS_LIST_LENGTH });
    for (const index of suspended) list.set(index, true);
    const url = this.keys.identity.statusListUrl(associationCode);
    return signCredential(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: url,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: key.did,
        validFrom: this.clock.now().toISOString(),
        credentialSubject: {
          id: `${url}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'suspension',
          ttl: TTL_MS,
          // Multibase: `u` marks base64url (no padding) of the GZIP-compressed bits.
          encodedList: `u${await list.encodeBits()}`,
        },
      },
      key,
    );
  }
}
