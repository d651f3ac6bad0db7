import { generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { verifyJWT } from 'did-jwt';
import { TransitionApplication } from '#endorsement';
import { loadFramework } from '#framework';
import { ManualClock } from '#platform';
import { applicationState, insertApplication } from '../support/application-fixture.js';
import { readPdf } from '../support/pdf-tools.js';
import { eligiblePortfolio } from '../support/portfolio-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, claimsOf, seedAccount, tamper } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const framework = loadFramework();
const MI = framework.association('MI-AIMH');
// Made here, as an operator would make it, and handed over only through the environment.
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
// Michigan: due 31 December 2026, late window to 31 January, lapse at local midnight (05:00 UTC) on 1 February.
const clock = new ManualClock(new Date('2027-01-20T17:00:00Z'));

describe('certificates, verifiable credentials and the public check', () => {
  const system = new TestSystem(clock);
  const call = caller(() => system.api!);
  const tokens: Record<string, string> = {};
  let zoe: string; // application ids
  let other: string;
  const NAME = 'Zoë Ñúñez-Łukasiewicz';
  const NUMBER = 'MI-000417';

  async function applicant(email: string, fullName: string): Promise<string> {
    expect((await call('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, fullName, associationCode: 'MI-AIMH' } })).status).toBe(202);
    tokens[email] = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
    const id = await insertApplication(system.ds, framework, { state: 'renewal_due', category: 'IFS' });
    await system.ds.query(`UPDATE applications SET applicant_id = (SELECT person_id FROM accounts WHERE email = $2) WHERE id = $1`, [id, email]);
    return id;
  }
  async function staff(email: string, associationCode: string): Promise<void> {
    await seedAccount(system.ds, { email, password: PASSWORD, roles: ['coordinator'], associationCode });
    tokens[email] = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  }
  const download = async (path: string, token?: string) => {
    const res = await fetch(system.url(path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      disposition: res.headers.get('content-disposition'),
      body: Buffer.from(await res.arrayBuffer()),
    };
  };
  /** A problem without its `instance` (the path asked for): what two refusals must share. */
  const problem = ({ instance: _path, ...rest }: Record<string, unknown>) => rest;

  /**
   * did:web resolution as the DID method specifies it (host with %3A for the port's colon, then the
   * colons as slashes, then /did.json). The host is the configured public address; the document is
   * fetched from the api under test, which listens elsewhere and has no TLS.
   */
  type Resolver = NonNullable<NonNullable<Parameters<typeof verifyJWT>[1]>['resolver']>;
  type DidDocument = Awaited<ReturnType<Resolver['resolve']>>['didDocument'];
  const resolver: Resolver = {
    async resolve(did) {
      const [method, host, ...path] = did.split('#')[0].slice('did:'.length).split(':');
      expect({ method, host: decodeURIComponent(host) }).toEqual({ method: 'web', host: new URL(system.config.http.publicBaseUrl).host });
      const res = await fetch(system.url(`/${path.map(decodeURIComponent).join('/')}/did.json`));
      return {
        didResolutionMetadata: res.ok ? { contentType: 'application/did+json' } : { error: 'notFound' },
        didDocument: res.ok ? ((await res.json()) as DidDocument) : null,
        didDocumentMetadata: {},
      };
    },
  };
  /** Verified by did-jwt (its own Ed25519, from @noble/curves), against the DID document the api publishes. */
  const verified = (jwt: string) => verifyJWT(jwt, { resolver, proofPurpose: 'assertionMethod' });

  /** The suspension bit at `index`, read as the Bitstring Status List specification says, with Node's own gunzip. */
  async function statusBit(index: number): Promise<boolean> {
    const res = await fetch(system.url('/verify/status/MI-AIMH'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/vc\+jwt/);
    const jwt = await res.text();
    const { payload } = await verified(jwt);
    const subject = payload.credentialSubject as { statusPurpose: string; encodedList: string };
    expect(subject.statusPurpose).toBe('suspension');
    expect(subject.encodedList[0]).toBe('u'); // multibase base64url
    const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
    expect(bits.length).toBe(131_072 / 8);
    return (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
  }

  beforeAll(async () => {
    await system.start({
      api: true,
      env: { AUTH_THROTTLE_LIMIT: 1000, RENEWAL_SWEEP_EVERY_MS: 1000, CREDENTIAL_SIGNING_KEYS: JSON.stringify({ 'MI-AIMH': signingKey }) },
    });
    zoe = await applicant('zoe@example.org', NAME);
    // Endorsed in 2025, renewal due at the end of 2026 and not yet done: in the late window, still in good standing.
    await system.ds.query(
      `UPDATE applications SET endorsement_number = $2, endorsed_at = '2025-06-02T15:00:00Z', renewal_due_on = '2026-12-31' WHERE id = $1`,
      [zoe, NUMBER],
    );
    other = await applicant('olga@example.org', 'Olga Other');
    // Renewed last cycle: in good standing through the lapse below.
    await system.ds.query(
      `UPDATE applications SET state = 'endorsed', endorsement_number = 'MI-000418', endorsed_at = '2025-06-02T15:00:00Z', renewal_due_on = '2027-12-31' WHERE id = $1`,
      [other],
    );
    await staff('coord@mi.example.org', 'MI-AIMH');
    await staff('coord@tx.example.org', 'TAIMH');
  });
  afterAll(() => system.stop());

  test('the certificate reads back as what it certifies, with its fonts embedded, and looks like a certificate', async () => {
    const res = await download(`/api/v1/endorsements/${zoe}/certificate`, tokens['zoe@example.org']);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toBe(`attachment; filename="endorsement-${NUMBER}.pdf"`);
    const pdf = readPdf(res.body);
    const text = pdf.text.replace(/\s+/g, ' ');
    for (const expected of [
      MI.name,
      MI.branding.tagline!,
      'This certifies that',
      NAME,
      'holds the Endorsement as',
      framework.displayName('MI-AIMH', 'IFS'),
      `Endorsement number Endorsed on Renewal due by ${NUMBER} 2 June 2025 31 December 2026`,
      `Check that this Endorsement is current: ${system.config.http.publicBaseUrl}/verify/${NUMBER}`,
    ]) {
      expect(text).toContain(expected);
    }
    // Every font embedded, none left to the reader's machine; subset (four whole DejaVu faces weigh 2.6 MB).
    const fontRows = pdf.fonts.split('\n').slice(2).filter(Boolean);
    expect(fontRows.length).toBe(4);
    for (const row of fontRows) expect(row).toMatch(/^DejaVu(Serif|Sans)(-Bold)?-\d+ +CID TrueType +Identity-H +yes /);
    expect(res.body.length).toBeLessThan(150_000);

    // Page 1 at 72 dpi: US Letter landscape, point for pixel.
    expect({ width: pdf.png.width, height: pdf.png.height }).toEqual({ width: 792, height: 612 });
    expect({ width: pdf.pixels.width, height: pdf.pixels.height }).toEqual({ width: 792, height: 612 });
    let ink = 0;
    for (let i = 0; i < pdf.pixels.rgb.length; i += 3) if (pdf.pixels.rgb[i] + pdf.pixels.rgb[i + 1] + pdf.pixels.rgb[i + 2] < 600) ink++;
    const inkShare = ink / (792 * 612);
    expect(inkShare).toBeGreaterThan(0.02); // frame and text, not a blank page
    expect(inkShare).toBeLessThan(0.3); // a certificate, not a filled box
    // The frame in the association's colour (#1d4f91 from its data), on all four sides.
    const primary = [0x1d, 0x4f, 0x91];
    const near = ([r, g, b]: number[]) => Math.abs(r - primary[0]) + Math.abs(g - primary[1]) + Math.abs(b - primary[2]) < 40;
    for (const [x, y] of [
      [24, 306],
      [767, 306],
      [396, 24],
      [396, 587],
    ] as const)
      expect({ x, y, frame: near(pdf.pixels.at(x, y)) }).toEqual({ x, y, frame: true });
    // The centre band, where the holder's name is printed, carries ink; the corners inside the frame do not.
    let nameInk = 0;
    for (let x = 150; x < 642; x++) for (let y = 250; y < 300; y++) if (pdf.pixels.at(x, y).reduce((a, b) => a + b, 0) < 300) nameInk++;
    expect(nameInk).toBeGreaterThan(500);
    expect(pdf.pixels.at(60, 60)).toEqual([255, 255, 255]);
    // Kept when an expectation above fails, to look at.
    rmSync(pdf.dir, { recursive: true });
  });

  test('only the holder and staff of their association get the certificate; others get the 404 of a missing one', async () => {
    expect((await download(`/api/v1/endorsements/${zoe}/certificate`, tokens['coord@mi.example.org'])).status).toBe(200);
    const stranger = await call('GET', `/api/v1/endorsements/${zoe}/certificate`, { token: tokens['olga@example.org'] });
    expect(stranger).toMatchObject({ status: 404, body: { code: 'endorsement_not_found' } });
    expect((await call('GET', `/api/v1/endorsements/${zoe}/certificate`, { token: tokens['coord@tx.example.org'] })).body).toEqual(stranger.body);
    expect(
      problem((await call('GET', '/api/v1/endorsements/00000000-0000-4000-8000-000000000000/certificate', { token: tokens['zoe@example.org'] })).body),
    ).toEqual(problem(stranger.body));
    expect((await call('GET', `/api/v1/endorsements/${zoe}/certificate`)).status).toBe(401);
    expect((await call('GET', '/api/v1/endorsements/not-a-uuid/credential', { token: tokens['zoe@example.org'] })).body).toMatchObject({
      status: 400,
      code: 'validation_failed',
    });
  });

  test('the credential is an Open Badges 3.0 credential that an independent verifier accepts through did:web; a changed one it refuses', async () => {
    const res = await download(`/api/v1/endorsements/${zoe}/credential`, tokens['zoe@example.org']);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/vc\+jwt/);
    const jwt = res.body.toString('utf8');
    const did = `did:web:${new URL(system.config.http.publicBaseUrl).host.replace(':', '%3A')}:verify:issuers:MI-AIMH`;

    const { payload, issuer, didResolutionResult } = await verified(jwt);
    expect(issuer).toBe(did);
    expect(didResolutionResult.didDocument?.id).toBe(did);
    const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
    expect(header).toEqual({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: expect.stringMatching(new RegExp(`^${did}#[A-Za-z0-9_-]{43}$`)) });
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: did, type: ['Profile'], name: MI.name },
      validFrom: '2025-06-02T15:00:00.000Z',
      validUntil: '2027-02-01T05:00:00.000Z', // the end of the late window, local midnight in Detroit
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [
          { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: NAME },
          { type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: NUMBER },
        ],
        achievement: { type: ['Achievement'], name: framework.displayName('MI-AIMH', 'IFS'), criteria: { narrative: expect.any(String) } },
      },
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'suspension',
        statusListCredential: `${system.config.http.publicBaseUrl}/verify/status/MI-AIMH`,
      },
    });
    // The key that verified it is the operator's, published twice: in the DID document and as a JWKS.
    const jwks = await call('GET', '/verify/issuers/MI-AIMH/jwks.json');
    expect(jwks.body).toEqual({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: signingKey.x, kid: header.kid, alg: 'EdDSA', use: 'sig' }] });
    expect(didResolutionResult.didDocument?.verificationMethod).toEqual([
      { id: header.kid, type: 'JsonWebKey2020', controller: did, publicKeyJwk: (jwks.body.keys as unknown[])[0] },
    ]);

    await expect(verified(tamper(jwt))).rejects.toThrow(/signature/i);
    const forged = `${jwt.split('.')[0]}.${Buffer.from(JSON.stringify({ ...claimsOf(jwt), validUntil: '2099-01-01T00:00:00Z' })).toString('base64url')}.${jwt.split('.')[2]}`;
    await expect(verified(forged)).rejects.toThrow(/signature/i);
    // Staff of the association may fetch it too (for an endorsee without portal access); its place in the list does not move.
    const again = (await download(`/api/v1/endorsements/${zoe}/credential`, tokens['coord@mi.example.org'])).body.toString('utf8');
    expect((claimsOf(again).credentialStatus as { statusListIndex: string }).statusListIndex).toBe(
      (payload.credentialStatus as { statusListIndex: string }).statusListIndex,
    );
  });

  test('the public check says who holds a number, in which category, and whether it stands: nothing else', async () => {
    const json = await call('GET', `/api/v1/verifications/${NUMBER}`);
    expect(json).toMatchObject({ status: 200 });
    expect(json.body).toEqual({
      endorsementNumber: NUMBER,
      holderName: NAME,
      categoryName: framework.displayName('MI-AIMH', 'IFS'),
      association: { code: 'MI-AIMH', name: MI.name },
      status: 'active',
    });
    const page = await fetch(system.url(`/verify/${NUMBER}`));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    for (const expected of [NAME, framework.displayName('MI-AIMH', 'IFS'), MI.name, 'Active:</strong> this Endorsement is in good standing today'])
      expect(html).toContain(expected.replace(/&/g, '&amp;'));
    expect(html).not.toContain('zoe@example.org');

    // Unknown numbers: one answer whatever the number, as a page and as JSON.
    const unknown = await call('GET', '/api/v1/verifications/MI-999999');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'endorsement_not_found' } });
    expect(problem((await call('GET', '/api/v1/verifications/TX-000001')).body)).toEqual(problem(unknown.body));
    const missingPages = await Promise.all(
      ['MI-999999', 'no-such-thing', 'x'.repeat(60)].map(async (n) => {
        const res = await fetch(system.url(`/verify/${n}`));
        return { status: res.status, body: await res.text() };
      }),
    );
    expect(new Set(missingPages.map((p) => p.status))).toEqual(new Set([404]));
    expect(new Set(missingPages.map((p) => p.body)).size).toBe(1);
    expect((await call('GET', `/api/v1/verifications/${'x'.repeat(41)}`)).body).toMatchObject({ status: 400, code: 'validation_failed' });
    // No listing: the collection itself is no route.
    expect((await call('GET', '/api/v1/verifications')).status).toBe(404);
  });

  test('the status bit sets the moment the endorsement lapses and clears when it is endorsed again; the check follows', async () => {
    const indexOf = async (id: string, token: string) => {
      const jwt = (await download(`/api/v1/endorsements/${id}/credential`, token)).body.toString('utf8');
      return Number((claimsOf(jwt).credentialStatus as { statusListIndex: string }).statusListIndex);
    };
    const index = await indexOf(zoe, tokens['zoe@example.org']);
    const otherIndex = await indexOf(other, tokens['olga@example.org']);
    expect(otherIndex).not.toBe(index);
    expect(await statusBit(index)).toBe(false);

    // The renewal sweep lapses it at local midnight after the late window; nothing else is done.
    clock.set(new Date('2027-02-01T05:00:30Z'));
    await waitFor(
      'the lapse',
      () => applicationState(system.ds, zoe),
      (s) => s === 'lapsed',
    );
    expect(await statusBit(index)).toBe(true);
    expect((await call('GET', `/api/v1/verifications/${NUMBER}`)).body).toMatchObject({ status: 'lapsed' });
    expect(await (await fetch(system.url(`/verify/${NUMBER}`))).text()).toContain('Lapsed:</strong> this Endorsement is not in good standing today');
    // No new certificate or credential for a lapsed endorsement.
    expect((await call('GET', `/api/v1/endorsements/${zoe}/certificate`, { token: tokens['zoe@example.org'] })).body).toMatchObject({
      status: 409,
      code: 'endorsement_not_current',
    });
    expect((await call('GET', `/api/v1/endorsements/${zoe}/credential`, { token: tokens['zoe@example.org'] })).body).toMatchObject({
      status: 409,
      code: 'endorsement_not_current',
    });
    // Only this endorsement's bit moved.
    expect(await applicationState(system.ds, other)).toBe('endorsed');
    expect(await statusBit(otherIndex)).toBe(false);

    // Reinstatement: asked for through the api; while it is reviewed the endorsement does not stand.
    const raters = ['Rosa Supervisor', 'Rita Provider', 'Colin Colleague'].map((name, i) => ({ name, email: `rater${i}@again.example`, waived: false }));
    const references = eligiblePortfolio(framework.rulesSnapshot('MI-AIMH', 'IFS'), raters).references;
    expect((await call('POST', `/api/v1/applications/${zoe}/reinstate`, { token: tokens['zoe@example.org'], body: { references } })).body).toMatchObject({
      state: 'reference_checks',
    });
    expect(await statusBit(index)).toBe(true);
    // New references and the panel are covered elsewhere (test/api/panel-review.test.ts); here the panel endorses again.
    await system.ds.query(`UPDATE applications SET state = 'panel_review' WHERE id = $1`, [zoe]);
    await system.worker.get(TransitionApplication).execute({ applicationId: zoe, event: 'panel_endorse', actor: { id: null, role: 'system' } });
    expect(await statusBit(index)).toBe(false);
    expect((await call('GET', `/api/v1/verifications/${NUMBER}`)).body).toMatchObject({ status: 'active' });
    // The reinstated endorsement keeps its number and place; its certificate has the new dates once issued.
    await waitFor(
      'the new endorsement date',
      async () => (await system.ds.query(`SELECT to_char(renewal_due_on, 'YYYY-MM-DD') AS due FROM applications WHERE id = $1`, [zoe]))[0].due,
      (due) => due === '2028-12-31',
    );
    const certificate = readPdf((await download(`/api/v1/endorsements/${zoe}/certificate`, tokens['zoe@example.org'])).body);
    expect(certificate.text.replace(/\s+/g, ' ')).toContain(`${NUMBER} 1 February 2027 31 December 2028`);
    rmSync(certificate.dir, { recursive: true });
    const renewed = (await download(`/api/v1/endorsements/${zoe}/credential`, tokens['zoe@example.org'])).body.toString('utf8');
    expect((claimsOf(renewed).credentialStatus as { statusListIndex: string }).statusListIndex).toBe(String(index));
  });

  test('status lists and issuer documents exist only for associations', async () => {
    for (const path of ['/verify/status/NOPE', '/verify/issuers/NOPE/did.json', '/verify/issuers/NOPE/jwks.json']) {
      expect(await call('GET', path)).toMatchObject({ status: 404, body: { code: 'issuer_not_found' } });
    }
    // An association without a configured key signs with one made at boot (development and tests only): its documents exist.
    expect((await call('GET', '/verify/issuers/TAIMH/jwks.json')).status).toBe(200);
  });
});
