import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { header } from '../support/mail-reading.js';
import { startReferenceChecks } from '../support/reference-checks.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

const SELECTOR = 'mail2026';
const DOMAIN = 'mi-aimh.example.org';

/**
 * DKIM: the worker signs with a key from configuration (generated here; none is committed), and an
 * independent verifier (mailauth) checks a received message against the public key as DNS would
 * publish it, through a resolver stub.
 */
describe('DKIM signing', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const txt = `v=DKIM1; k=rsa; p=${keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
  const system = new TestSystem();

  /** DNS as the association would publish it: the key's TXT record, nothing else. */
  const resolver = async (name: string, type: string): Promise<string[][]> => {
    if (name === `${SELECTOR}._domainkey.${DOMAIN}` && type === 'TXT') return [[txt]];
    throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
  };

  beforeAll(async () => {
    await system.start({
      env: {
        MAIL_FROM: `MI-AIMH Endorsement <endorsement@${DOMAIN}>`,
        DKIM_SELECTOR: SELECTOR,
        DKIM_PRIVATE_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
  });
  afterAll(() => system.stop());

  test('a message as received verifies (d= the sending domain); altered in transit, it does not', async () => {
    await startReferenceChecks(system, [{ raterName: 'Rosa Supervisor', raterEmail: 'rosa@rater.example', role: 'supervisor_teacher_or_cda_mentor' }]);
    const [mail] = await waitFor(
      'the request',
      () => system.smtp.to('rosa@rater.example'),
      (m) => m.length > 0,
    );
    expect(header(mail, 'DKIM-Signature')).toMatch(new RegExp(`d=${DOMAIN.replace(/\./g, '\\.')};.*s=${SELECTOR};`, 's'));

    const verified = await dkimVerify(Buffer.from(mail.raw), { resolver });
    expect(verified.results.map((r) => [r.status.result, r.signingDomain, r.selector])).toEqual([['pass', DOMAIN, SELECTOR]]);

    const altered = mail.raw.replace(/Rosa Supervisor/, 'Rosa Superviser');
    expect(altered).not.toBe(mail.raw);
    const tampered = await dkimVerify(Buffer.from(altered), { resolver });
    expect(tampered.results.map((r) => r.status.result)).toEqual(['fail']);
  });
});
