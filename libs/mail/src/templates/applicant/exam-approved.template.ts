import type { EmailTemplate } from '../email-template.js';

export const examApproved: EmailTemplate = {
  audience: 'applicant',
  requires: ['examWindow'],
  subject: 'You are approved to sit the {{categoryName}} exam',
  html: `
<p>Good news: your references are complete and you are approved to sit the {{categoryName}} exam. The exam is the last step before the decision on your Endorsement.</p>
{{#> next by=examWindow byLabel="Next exam window"}}
<p>The exam has two parts: multiple-choice questions, and written answers about short case examples. Register for a sitting on your application page; we then email you your candidate code, and remind you a week and a day before.</p>
{{#if dueDate}}<p>Your approval to sit the exam is valid until {{dueDate}}.</p>{{/if}}
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Good news: your references are complete and you are approved to sit the {{categoryName}} exam. The exam is the last step before the decision on your Endorsement.

{{#> next by=examWindow byLabel="Next exam window"}}
The exam has two parts: multiple-choice questions, and written answers about short case examples. Register for a sitting on your application page; we then email you your candidate code, and remind you a week and a day before.
{{#if dueDate}}

Your approval to sit the exam is valid until {{dueDate}}.
{{/if}}
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
