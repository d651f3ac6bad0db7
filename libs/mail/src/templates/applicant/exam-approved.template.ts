import type { EmailTemplate } from '../email-template.js';

export const examApproved: EmailTemplate = {
  audience: 'applicant',
  requires: ['examWindow'],
  subject: 'You are approved to sit the {{categoryName}} exam',
  html: `
<p>Good news: your references are complete and you are approved to sit the {{categoryName}} exam. The exam is the last step before the decision on your Endorsement.</p>
{{#> next by=examWindow byLabel="Next exam window"}}
<p>The exam has two parts: multiple-choice questions, and written answers about short case examples. Your application page shows how to take part; we will also email you before the exam window.</p>
{{#if dueDate}}<p>Your approval to sit the exam is valid until {{dueDate}}.</p>{{/if}}
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Good news: your references are complete and you are approved to sit the {{categoryName}} exam. The exam is the last step before the decision on your Endorsement.

{{#> next by=examWindow byLabel="Next exam window"}}
The exam has two parts: multiple-choice questions, and written answers about short case examples. Your application page shows how to take part; we will also email you before the exam window.
{{#if dueDate}}

Your approval to sit the exam is valid until {{dueDate}}.
{{/if}}
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
