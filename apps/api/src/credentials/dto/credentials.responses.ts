import { z } from 'zod';

export const endorsementCheckResponse = z
  .strictObject({
    endorsementNumber: z.string(),
    holderName: z.string(),
    categoryName: z.string().meta({ description: 'The category as the association names it.' }),
    association: z.strictObject({ code: z.string(), name: z.string() }),
    status: z.enum(['active', 'lapsed']).meta({ description: '`active` while endorsed, a renewal being due included; `lapsed` otherwise.' }),
  })
  .meta({ id: 'EndorsementCheck', description: 'Whether an endorsement stands today, and whose it is; nothing more.' });

const jwk = z
  .strictObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), kid: z.string(), alg: z.literal('EdDSA'), use: z.literal('sig') })
  .meta({ id: 'IssuerPublicJwk', description: 'An Ed25519 public key (RFC 8037).' });

export const issuerJwksResponse = z
  .strictObject({ keys: z.array(jwk) })
  .meta({ id: 'IssuerJwks', description: "The association's credential signing key as a JSON Web Key Set." });

export const issuerDidDocumentResponse = z
  .strictObject({
    '@context': z.array(z.string()),
    id: z.string().meta({ description: 'did:web DID of the association.' }),
    verificationMethod: z.array(z.strictObject({ id: z.string(), type: z.literal('JsonWebKey2020'), controller: z.string(), publicKeyJwk: jwk })),
    assertionMethod: z.array(z.string()),
  })
  .meta({ id: 'IssuerDidDocument', description: "The association's DID document (did:web): the key its credentials are signed with." });
