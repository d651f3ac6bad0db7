import { z } from 'zod';
import { portfolioSchema, type Portfolio } from '#framework';

/**
 * The body of PUT /api/v1/applications/{id}/portfolio/{section}: the section under its own name, validated
 * by that section of the portfolio schema, e.g. `{ "trainings": [ … ] }`.
 */
function sectionBody<S extends keyof Portfolio>(section: S) {
  return z.strictObject({ [section]: portfolioSchema.shape[section] } as { [K in S]: (typeof portfolioSchema.shape)[S] });
}

export const portfolioSectionSchemas = {
  education: sectionBody('education'),
  work: sectionBody('work'),
  trainings: sectionBody('trainings'),
  rsc: sectionBody('rsc'),
  references: sectionBody('references'),
  agreements: sectionBody('agreements'),
  membership: sectionBody('membership'),
};

export type SectionBody<S extends keyof Portfolio> = { [K in S]: Portfolio[S] };
