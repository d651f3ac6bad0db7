import { CompactSign } from 'jose';
import type { IssuerKey } from './issuer-keys.js';

/**
 * A credential secured with JOSE as VC-JOSE-COSE defines it: the credential is the JWS payload,
 * `typ` vc+jwt, signed EdDSA (Ed25519) under the issuer's key. `iss` repeats the issuer so plain
 * JWT verifiers find the DID whose document holds the key.
 */
export function signCredential(credential: Record<string, unknown>, key: IssuerKey): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify({ ...credential, iss: key.did }));
  return new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.kid }).sign(key.privateKey);
}

/** The media type of a credential signed this way. */
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';
