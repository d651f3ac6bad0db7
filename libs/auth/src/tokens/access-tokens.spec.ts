import { describe, expect, test } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { ManualClock, ProblemException } from '#platform';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokens } from './access-tokens.js';

const SECRET = 's'.repeat(32);
const account = {
  id: '6a3c1d55-5f6e-4d3b-9b8e-1f2a3b4c5d6e',
  personId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  roles: ['coordinator' as const],
  associationCode: 'TAIMH',
};
const session = 'c0ffee00-0000-4000-8000-000000000001';

function setup() {
  const clock = new ManualClock(new Date('2026-11-22T09:00:00Z'));
  const tokens = new AccessTokens(new JwtService({ secret: SECRET }), clock);
  return { clock, tokens };
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return (e as ProblemException).code;
  }
  throw new Error('expected a problem');
}

describe('AccessTokens', () => {
  test('round trip: the caller comes back as signed, with its session', async () => {
    const { tokens } = setup();
    expect(await tokens.verify(await tokens.sign(account, session))).toEqual({ ...account, sessionId: session });
  });

  test('expire after 15 minutes of the Clock, not before', async () => {
    const { clock, tokens } = setup();
    const token = await tokens.sign(account, session);
    clock.advance(ACCESS_TOKEN_TTL_SECONDS * 1000 - 1000);
    await expect(tokens.verify(token)).resolves.toMatchObject({ id: account.id });
    clock.advance(1000);
    expect(await problemOf(tokens.verify(token))).toBe('token_expired');
  });

  test('a token from another secret or with another shape is invalid_token', async () => {
    const { clock, tokens } = setup();
    const other = new AccessTokens(new JwtService({ secret: 'o'.repeat(32) }), clock);
    expect(await problemOf(tokens.verify(await other.sign(account, session)))).toBe('invalid_token');
    const jwt = new JwtService({ secret: SECRET });
    const iat = Math.floor(clock.now().getTime() / 1000);
    expect(
      await problemOf(
        tokens.verify(
          await jwt.signAsync({ typ: 'refresh', pid: account.personId, sid: session, roles: ['coordinator'], assoc: null, iat }, { subject: account.id }),
        ),
      ),
    ).toBe('invalid_token');
    expect(
      await problemOf(
        tokens.verify(await jwt.signAsync({ typ: 'access', pid: account.personId, sid: session, roles: ['root'], assoc: null, iat }, { subject: account.id })),
      ),
    ).toBe('invalid_token');
    expect(await problemOf(tokens.verify('a.b.c'))).toBe('invalid_token');
  });
});
