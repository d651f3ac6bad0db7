import { z } from 'zod';
import { opaqueTokenField } from './auth-fields.js';

// Optional: a browser's refresh token comes in its cookie instead (see BrowserSessions).
export const refreshSchema = z.strictObject({ refreshToken: opaqueTokenField.optional() });

export type RefreshBody = z.infer<typeof refreshSchema>;
