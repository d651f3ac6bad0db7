import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { IssuerKeys, type IssuerKey } from './issuer-keys.js';
import { issuerNotFound } from './issuer-not-found.js';

/** A DID document (did:web) naming the association's one credential key. */
export interface IssuerDidDocument {
  '@context': string[];
  id: string;
  verificationMethod: { id: string; type: 'JsonWebKey2020'; controller: string; publicKeyJwk: JWK }[];
  assertionMethod: string[];
}

/** What verifiers check an association's credentials against: its DID document and the same key as a JWKS. */
@Injectable()
export class GetIssuerDocuments {
  constructor(private readonly keys: IssuerKeys) {}

  didDocument(associationCode: string): IssuerDidDocument {
    const key = this.find(associationCode);
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
      id: key.did,
      verificationMethod: [{ id: key.kid, type: 'JsonWebKey2020', controller: key.did, publicKeyJwk: key.publicJwk }],
      assertionMethod: [key.kid],
    };
  }

  jwks(associationCode: string): { keys: JWK[] } {
    return { keys: [this.find(associationCode).publicJwk] };
  }

  private find(associationCode: string): IssuerKey {
    const key = this.keys.key(associationCode);
    if (!key) throw issuerNotFound();
    return key;
  }
}
