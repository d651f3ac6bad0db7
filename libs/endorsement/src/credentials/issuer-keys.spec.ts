import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { loadConfig } from '#config';
import { loadFramework } from '#framework';
import { IssuerIdentity } from './issuer-identity.js';
import { IssuerKeys } from './issuer-keys.js';

const framework = loadFramework();
const codes = [...framework.associations.keys()];
const keyFor = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });

async function keys(env: Record<string, string>): Promise<IssuerKeys> {
  const config = loadConfig({ PUBLIC_BASE_URL: 'https://portal.example.org', ...env });
  const issuerKeys = new IssuerKeys(config, framework, new IssuerIdentity(config.http.publicBaseUrl));
  await issuerKeys.onModuleInit();
  return issuerKeys;
}

describe('IssuerKeys', () => {
  test('a configured key is used as given; only its public half is published, named by DID and thumbprint', async () => {
    const key = keyFor();
    const issuer = (await keys({ CREDENTIAL_SIGNING_KEYS: JSON.stringify({ 'MI-AIMH': key }) })).key('MI-AIMH')!;
    expect(issuer.did).toBe('did:web:portal.example.org:verify:issuers:MI-AIMH');
    expect(issuer.kid).toMatch(/^did:web:portal\.example\.org:verify:issuers:MI-AIMH#[A-Za-z0-9_-]{43}$/);
    expect(issuer.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: key.x, kid: issuer.kid, alg: 'EdDSA', use: 'sig' });
  });

  test('production refuses to start without a key for every association, naming the missing ones', async () => {
    const onlyMichigan = JSON.stringify({ 'MI-AIMH': keyFor() });
    const secrets = { LINK_SECRET: 'x'.repeat(40), AUTH_JWT_SECRET: 'y'.repeat(40), NODE_ENV: 'production' };
    await expect(keys({ ...secrets, CREDENTIAL_SIGNING_KEYS: onlyMichigan })).rejects.toThrow(
      `CREDENTIAL_SIGNING_KEYS has no Ed25519 key for ${codes.filter((c) => c !== 'MI-AIMH').join(', ')}`,
    );
    const all = JSON.stringify(Object.fromEntries(codes.map((c) => [c, keyFor()])));
    expect((await keys({ ...secrets, CREDENTIAL_SIGNING_KEYS: all })).key('TAIMH')).toBeDefined();
  });

  test('a key for an association that does not exist is refused; elsewhere a missing key is made for the process', async () => {
    await expect(keys({ CREDENTIAL_SIGNING_KEYS: JSON.stringify({ 'NO-SUCH': keyFor() }) })).rejects.toThrow(
      'CREDENTIAL_SIGNING_KEYS names associations that do not exist: NO-SUCH',
    );
    const made = await keys({ NODE_ENV: 'development' });
    for (const code of codes) expect(made.key(code)?.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(made.key('NO-SUCH')).toBeUndefined();
  });
});

describe('IssuerIdentity', () => {
  test('did:web encodes the port and keeps a base path; the documents sit where did:web resolves', () => {
    expect(new IssuerIdentity('http://localhost:3000').did('MI-AIMH')).toBe('did:web:localhost%3A3000:verify:issuers:MI-AIMH');
    const identity = new IssuerIdentity('https://example.org/endorse');
    expect(identity.did('WA-AIMH')).toBe('did:web:example.org:endorse:verify:issuers:WA-AIMH');
    expect(`${identity.issuerUrl('WA-AIMH')}/did.json`).toBe('https://example.org/endorse/verify/issuers/WA-AIMH/did.json');
    expect(identity.statusListUrl('WA-AIMH')).toBe('https://example.org/endorse/verify/status/WA-AIMH');
  });
});
