import Handlebars from 'handlebars';
import { EMAIL_LAYOUT } from './email-layout.js';

export type EmailPart = 'html' | 'text';

// Own instances, not the global one: helpers and partials differ per part and must not leak into
// (or be overwritten by) other users of Handlebars in the process.
function createEnvironment(part: EmailPart): typeof Handlebars {
  const hb = Handlebars.create();
  for (const [name, source] of Object.entries(EMAIL_LAYOUT[part].partials)) hb.registerPartial(name, source);
  hb.registerHelper('days', (n: number) => (n === 1 ? '1 day' : `${n} days`));
  // Staff reasons are typed into a text box: keep their line breaks.
  hb.registerHelper('multiline', (value: string) => (part === 'html' ? new hb.SafeString(hb.Utils.escapeExpression(value).replace(/\r?\n/g, '<br>')) : value));
  return hb;
}

const environments = new Map<EmailPart, typeof Handlebars>();

/** The Handlebars instance for one part of an email, created on first use. */
export function emailEnvironment(part: EmailPart): typeof Handlebars {
  let hb = environments.get(part);
  if (!hb) environments.set(part, (hb = createEnvironment(part)));
  return hb;
}

/**
 * Strict: a template naming a field the model lacks throws instead of printing nothing, so a typo or
 * an undeclared requirement fails in tests. Plain text is not HTML: nothing to escape there.
 */
export function compileOptions(part: EmailPart): Parameters<typeof Handlebars.compile>[1] {
  return part === 'html' ? { strict: true } : { strict: true, noEscape: true };
}
