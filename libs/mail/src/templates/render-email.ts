import type { TemplateDelegate } from 'handlebars';
import { emailEnvironment, compileOptions, type EmailPart } from './email-environment.js';
import { EMAIL_LAYOUT, inlineStyles } from './email-layout.js';
import type { EmailModel } from './email-model.js';
import { EMAIL_TEMPLATE_SOURCES } from './email-template-sources.js';
import { isEmailTemplateName, type EmailTemplateName } from './email-template-names.js';
import { validateEmailModel } from './validate-email-model.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

interface CompiledEmail {
  subject: TemplateDelegate<EmailModel>;
  html: TemplateDelegate<EmailModel>;
  text: TemplateDelegate<EmailModel>;
}

type LayoutModel = EmailModel & { subject: string; body: string };

// Compiled on first use and kept: compiling is the costly part, rendering is cheap.
const compiledEmails = new Map<EmailTemplateName, CompiledEmail>();
const compiledLayouts = new Map<EmailPart, TemplateDelegate<LayoutModel>>();

function compile<T>(part: EmailPart, source: string): TemplateDelegate<T> {
  return emailEnvironment(part).compile<T>(source, compileOptions(part));
}

function compiledEmail(name: EmailTemplateName): CompiledEmail {
  let email = compiledEmails.get(name);
  if (!email) {
    const source = EMAIL_TEMPLATE_SOURCES[name];
    // The subject is a mail header, not HTML: compiled as text so "&" stays "&".
    email = { subject: compile('text', source.subject), html: compile('html', source.html), text: compile('text', source.text) };
    compiledEmails.set(name, email);
  }
  return email;
}

function layout(part: EmailPart): TemplateDelegate<LayoutModel> {
  let compiled = compiledLayouts.get(part);
  if (!compiled) compiledLayouts.set(part, (compiled = compile<LayoutModel>(part, EMAIL_LAYOUT[part].layout)));
  return compiled;
}

/** Blank runs left by the template's conditionals; one blank line between paragraphs. */
function tidyText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * Renders one email from its template and the shared layout. Pure: the same name and model give the
 * same email. Throws EmailModelError when the model lacks a field the template needs.
 */
export function renderEmail(name: EmailTemplateName, model: EmailModel): RenderedEmail {
  if (!isEmailTemplateName(name)) throw new Error(`Unknown email template "${String(name)}"`);
  validateEmailModel(name, EMAIL_TEMPLATE_SOURCES[name].requires, model);
  const email = compiledEmail(name);
  // A subject is one header line: no line breaks smuggled in from a name.
  const subject = `${model.association.code}: ${email.subject(model)}`.replace(/\s+/g, ' ').trim();
  const html = inlineStyles(layout('html')({ ...model, subject, body: email.html(model) }));
  const text = tidyText(layout('text')({ ...model, subject, body: tidyText(email.text(model)) }));
  return { subject, html, text };
}
