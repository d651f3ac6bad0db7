import { z } from 'zod';
import { opaqueTokenField } from './auth-fields.js';

export const refreshSchema = z.strictObject({ refreshToken: opaqueTokenField });

export type RefreshBody = z.infer<typeof refreshSchema>;
