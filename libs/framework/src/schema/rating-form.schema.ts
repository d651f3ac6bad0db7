import { z } from 'zod';
import { labelSchema, monthsSchema, snakeCodeSchema } from './common.schema.js';

/** config/framework/rating-form.yaml */
export const ratingFormSchema = z.strictObject({
  /** How long a completed reference form stays valid. */
  validMonths: monthsSchema,
  scale: z.array(z.strictObject({ value: z.number().int(), label: labelSchema })).min(2),
  notEnoughInformation: z.strictObject({
    label: labelSchema,
    /** A form with this many or more "not enough information" answers does not count. */
    invalidAt: z.number().int().min(1),
  }),
  items: z.array(z.strictObject({ code: snakeCodeSchema, area: snakeCodeSchema, statement: labelSchema })).min(1),
});

export type RatingForm = z.output<typeof ratingFormSchema>;
