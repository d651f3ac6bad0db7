import type { CompetencyDomain } from '../schema/competencies.schema.js';
import type { RatingForm } from '../schema/rating-form.schema.js';
import type { Finding } from './data-problems.js';
import { duplicates } from './duplicates.js';

/** Domain and area codes are unique across the whole framework: portfolios store bare area codes. */
export function checkCompetencies(domains: readonly CompetencyDomain[]): Finding[] {
  const areaCodes = domains.flatMap((d) => d.areas.map((a) => a.code));
  return [
    ...duplicates(domains.map((d) => d.code)).map((code) => ({
      path: ['domains'],
      message: `lists the domain "${code}" more than once`,
    })),
    ...duplicates(areaCodes).map((code) => ({ path: ['domains'], message: `lists the area "${code}" more than once` })),
  ];
}

/** Every rating item refers to an existing competency area (when the competencies are known). */
export function checkRatingForm(form: RatingForm, domains: readonly CompetencyDomain[] | undefined): Finding[] {
  const findings: Finding[] = [
    ...duplicates(form.items.map((item) => item.code)).map((code) => ({
      path: ['items'],
      message: `lists the item "${code}" more than once`,
    })),
    ...duplicates(form.scale.map((point) => String(point.value))).map((value) => ({
      path: ['scale'],
      message: `lists the value ${value} more than once`,
    })),
  ];
  if (domains) {
    const areas = new Set(domains.flatMap((d) => d.areas.map((a) => a.code)));
    form.items.forEach((item, i) => {
      if (!areas.has(item.area)) {
        const message = `"${item.area}" is not a competency area in competencies.yaml`;
        findings.push({ path: ['items', i, 'area'], message });
      }
    });
  }
  if (form.notEnoughInformation.invalidAt > form.items.length) {
    findings.push({ path: ['notEnoughInformation', 'invalidAt'], message: 'must not exceed the number of items' });
  }
  return findings;
}
