import { z } from 'zod';
import { labelSchema, snakeCodeSchema } from './common.schema.js';

const areaSchema = z.strictObject({ code: snakeCodeSchema, label: labelSchema });

const domainSchema = z.strictObject({
  code: snakeCodeSchema,
  label: labelSchema,
  areas: z.array(areaSchema).min(1),
});

/** config/framework/competencies.yaml */
export const competenciesFileSchema = z.strictObject({ domains: z.array(domainSchema).min(1) });

export type CompetencyDomain = z.output<typeof domainSchema>;
export type CompetencyArea = z.output<typeof areaSchema>;
