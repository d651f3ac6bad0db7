import { z } from 'zod';
import { ACCOUNT_ROLES } from '#auth';

export const tokenPairResponse = z
  .strictObject({
    accessToken: z.string().meta({ description: 'Send as `Authorization: Bearer <accessToken>`; valid 15 minutes.' }),
    refreshToken: z.string().optional().meta({
      description:
        'Exchanged for a new pair at POST /api/v1/auth/refresh; single use, valid 30 days. Absent with `X-Session: cookie`: it is in an HttpOnly cookie.',
    }),
    tokenType: z.literal('Bearer'),
    expiresIn: z.int().meta({ description: 'Seconds until the access token expires.' }),
  })
  .meta({ id: 'TokenPair', description: 'A new session: an access token and the refresh token that renews it.' });

export const accountResponse = z
  .strictObject({
    id: z.string(),
    personId: z.string(),
    email: z.string(),
    fullName: z.string(),
    roles: z.array(z.enum(ACCOUNT_ROLES)),
    associationCode: z.string().nullable().meta({ description: 'Null for an Alliance-wide administrator.' }),
  })
  .meta({ id: 'Account', description: 'The signed-in account.' });

export const registrationReceivedResponse = z
  .strictObject({ message: z.string().meta({ description: 'The same words whether the address is new or already has an account.' }) })
  .meta({ id: 'RegistrationReceived', description: 'The registration is received; the answer does not tell whether the address had an account.' });
