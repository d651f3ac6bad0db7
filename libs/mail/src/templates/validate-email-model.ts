import { EmailModelError } from './email-model.error.js';
import type { EmailModel, OptionalEmailField } from './email-model.js';
import type { EmailTemplateName } from './email-template-names.js';

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';
// Links end up in href attributes: only web links, never javascript: or data: ones.
const webLink = (value: string): boolean => /^https?:\/\/\S+$/i.test(value);

/**
 * Throws EmailModelError naming the template and the first missing field: the fields every email
 * prints, then the optional ones this template declared. Never puts a value in the message (the
 * rater link is a secret, and messages end up in logs).
 */
export function validateEmailModel(template: EmailTemplateName, requires: readonly OptionalEmailField[], model: EmailModel): void {
  const fail = (field: string, problem?: string): never => {
    throw new EmailModelError(template, field, problem);
  };
  const always: [string, unknown][] = [
    ['association.code', model.association?.code],
    ['association.name', model.association?.name],
    ['recipient.name', model.recipient?.name],
    ['applicant.name', model.applicant?.name],
    ['categoryName', model.categoryName],
    ['applicationUrl', model.applicationUrl],
  ];
  for (const [field, value] of always) if (blank(value)) fail(field);
  if (!webLink(model.applicationUrl)) fail('applicationUrl', ' to be an http(s) URL');

  const person = (field: string, value: { name: string; role: string } | undefined): void => {
    if (blank(value?.name)) fail(`${field}.name`);
    if (blank(value?.role)) fail(`${field}.role`);
  };
  for (const field of requires) {
    const value = model[field];
    if (value === undefined || value === null) fail(field);
    switch (field) {
      case 'daysWaiting':
        if (!Number.isFinite(value)) fail(field, ' to be a number of days');
        break;
      case 'rater':
        person(field, model.rater);
        break;
      case 'raters':
        if (!model.raters?.length) fail(field, ' to list at least one rater');
        model.raters?.forEach((rater, i) => person(`raters[${i}]`, rater));
        break;
      case 'exam':
        for (const part of ['date', 'place', 'candidateCode', 'part1', 'part2'] as const) if (blank(model.exam?.[part])) fail(`exam.${part}`);
        break;
      case 'referenceUrl':
      case 'accountUrl':
        if (blank(value)) fail(field);
        if (!webLink(model[field] ?? '')) fail(field, ' to be an http(s) URL');
        break;
      default:
        if (blank(value)) fail(field);
    }
  }
}
