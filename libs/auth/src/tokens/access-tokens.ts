import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { z } from 'zod';
import { Clock } from '#platform';
import { ACCOUNT_ROLES } from '../accounts/account-role.js';
import type { AuthenticatedAccount } from '../accounts/authenticated-account.js';
import { AuthProblems } from '../auth.problems.js';

/** Access tokens are short-lived: a revoked sign-in or a changed role takes effect within this. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

// What a token must carry; anything else (another token type, a forged shape) is not an access token.
const claimsSchema = z.object({
  typ: z.literal('access'),
  sub: z.uuid(),
  pid: z.uuid(),
  sid: z.uuid(),
  roles: z.array(z.enum(ACCOUNT_ROLES)).min(1),
  assoc: z.string().min(1).nullable(),
});

export type AccessTokenClaims = z.infer<typeof claimsSchema>;

/** Signs and checks access tokens (JWT, HS256 only), with time from the Clock. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  sign(account: Omit<AuthenticatedAccount, 'sessionId'>, sessionId: string): Promise<string> {
    const claims: Omit<AccessTokenClaims, 'sub'> & { iat: number } = {
      typ: 'access',
      pid: account.personId,
      sid: sessionId,
      roles: account.roles,
      assoc: account.associationCode,
      iat: Math.floor(this.clock.now().getTime() / 1000),
    };
    return this.jwt.signAsync(claims, { subject: account.id, expiresIn: ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' });
  }

  /** The caller a token names; throws the problem to answer with (401) when it is not valid now. */
  async verify(token: string): Promise<AuthenticatedAccount> {
    let payload: unknown;
    try {
      // The algorithm is pinned: a token saying "none" or an asymmetric algorithm is refused.
      payload = await this.jwt.verifyAsync(token, { algorithms: ['HS256'], clockTimestamp: Math.floor(this.clock.now().getTime() / 1000) });
    } catch (error) {
      throw (error as Error).name === 'TokenExpiredError' ? AuthProblems.tokenExpired() : AuthProblems.invalidToken();
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw AuthProblems.invalidToken();
    const { sub, pid, sid, roles, assoc } = claims.data;
    return { id: sub, personId: pid, sessionId: sid, roles, associationCode: assoc };
  }
}
