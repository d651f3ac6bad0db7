import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { APP_CONFIG, type AppConfig } from '#config';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';
import { IssuerIdentity } from './issuer-identity.js';

/** One association's signing key and the names verifiers find it by. */
export interface IssuerKey {
  did: string;
  /** `{did}#{JWK thumbprint}`: the JWS `kid`, and the verification method's id in the DID document. */
  kid: string;
  privateKey: CryptoKey;
  /** The public half only (no `d`). */
  publicJwk: JWK & { kid: string; alg: 'EdDSA'; use: 'sig' };
}

/**
 * Each association's Ed25519 credential key, from CREDENTIAL_SIGNING_KEYS. In production every
 * association must have one (the api does not start otherwise); elsewhere a missing one is made
 * at boot and said loudly, since what it signs stops verifying at the next restart.
 */
@Injectable()
export class IssuerKeys implements OnModuleInit {
  private readonly logger = new Logger(IssuerKeys.name);
  private readonly keys = new Map<string, IssuerKey>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FRAMEWORK) private readonly framework: Framework,
    readonly identity: IssuerIdentity,
  ) {}

  async onModuleInit(): Promise<void> {
    const configured = this.config.credentials.signingKeys;
    const unknown = Object.keys(configured).filter((code) => !this.framework.associations.has(code));
    if (unknown.length) throw new Error(`CREDENTIAL_SIGNING_KEYS names associations that do not exist: ${unknown.join(', ')}`);
    const missing = [...this.framework.associations.keys()].filter((code) => !configured[code]);
    if (missing.length && this.config.env === 'production') {
      throw new Error(`CREDENTIAL_SIGNING_KEYS has no Ed25519 key for ${missing.join(', ')}: every association needs one in production`);
    }
    for (const code of this.framework.associations.keys()) {
      const jwk = configured[code];
      if (!jwk) {
        this.logger.warn(
          `NO CREDENTIAL SIGNING KEY FOR ${code}: signing with a key made for this process only; its credentials and status lists stop verifying when it restarts. Set CREDENTIAL_SIGNING_KEYS.`,
        );
      }
      this.keys.set(code, await this.load(code, jwk ?? (await ephemeralKey())));
    }
  }

  key(associationCode: string): IssuerKey | undefined {
    return this.keys.get(associationCode);
  }

  private async load(code: string, jwk: JWK): Promise<IssuerKey> {
    const privateKey = (await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
    const { d: _secret, ...publicPart } = jwk;
    const did = this.identity.did(code);
    const kid = `${did}#${await calculateJwkThumbprint(publicPart)}`;
    return { did, kid, privateKey, publicJwk: { ...publicPart, kid, alg: 'EdDSA', use: 'sig' } };
  }
}

async function ephemeralKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return exportJWK(privateKey);
}
