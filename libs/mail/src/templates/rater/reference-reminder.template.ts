import type { EmailTemplate } from '../email-template.js';

export const referenceReminder: EmailTemplate = {
  audience: 'rater',
  requires: ['referenceUrl', 'referenceExpires'],
  subject: 'Reminder about the reference for {{applicant.name}}, due by {{referenceExpires}}',
  html: `
<p>A gentle reminder: {{applicant.name}} is waiting for your reference for their application for the {{categoryName}} Endorsement. If you have just sent it, thank you, and please ignore this email.</p>
{{#> next by=referenceExpires byLabel="Your link works until"}}
<p>The rating form takes about 15 minutes. Please open it with the button or link below; it is the same personal link as in our first email.</p>
<p>If you cannot give a reference, please {{> contact}} so that we can let {{applicant.name}} ask someone else.</p>
{{/next}}
{{> button url=referenceUrl label="Open the rating form"}}
`,
  text: `
A gentle reminder: {{applicant.name}} is waiting for your reference for their application for the {{categoryName}} Endorsement. If you have just sent it, thank you, and please ignore this email.

{{#> next by=referenceExpires byLabel="Your link works until"}}
The rating form takes about 15 minutes. Please open it with the link below; it is the same personal link as in our first email.

If you cannot give a reference, please {{> contact}} so that we can let {{applicant.name}} ask someone else.
{{/next}}

{{> button url=referenceUrl label="Open the rating form"}}
`,
};
