import { z } from 'zod';
import { categoryCodeSchema, credentialCodeSchema, labelSchema, snakeCodeSchema, timeZoneSchema } from './common.schema.js';
import { requirementsPatchSchema } from './requirements.schema.js';

const trackSchema = requirementsPatchSchema.extend({
  label: labelSchema,
  credential: credentialCodeSchema,
});

export const categorySchema = requirementsPatchSchema.extend({
  name: labelSchema,
  level: z.number().int().min(1).max(10),
  /** Defaults to the category code; a category with tracks is held through its tracks' credentials. */
  credential: credentialCodeSchema.optional(),
  tracks: z.record(snakeCodeSchema, trackSchema).optional(),
});

/** config/framework/framework.yaml */
export const frameworkFileSchema = z.strictObject({
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/, 'must be a version such as "2026.1"'),
  /** The body the associations share: it speaks for accounts of no one association (Alliance-wide administrators). */
  alliance: z.strictObject({ name: labelSchema, timeZone: timeZoneSchema }),
  /** Lowest first. */
  educationLevels: z.array(z.strictObject({ code: snakeCodeSchema, label: labelSchema })).min(1),
  categoryDefaults: requirementsPatchSchema,
  // Each category is validated on its own (categorySchema), so one bad category hides no other problem.
  categories: z.record(categoryCodeSchema, z.unknown()),
});

export type FrameworkFile = z.output<typeof frameworkFileSchema>;
