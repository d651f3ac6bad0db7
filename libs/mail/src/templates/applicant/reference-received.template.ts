import type { EmailTemplate } from '../email-template.js';

// Says that a reference arrived, never what it says: the applicant may have waived seeing it.
export const referenceReceived: EmailTemplate = {
  audience: 'applicant',
  requires: ['rater'],
  subject: 'Reference from {{rater.name}} received',
  html: `
<p>{{rater.name}} ({{rater.role}}) has sent their reference for your {{categoryName}} application.</p>
{{#> next}}
<p>You do not need to do anything. Your application page shows which references are still open; {{#if examFollows}}once all have arrived, the next step is your approval to sit the exam, and we will email you when you are approved.{{else}}we will email you when all have arrived.{{/if}}</p>
{{/next}}
{{> button url=applicationUrl label="See your references"}}
`,
  text: `
{{rater.name}} ({{rater.role}}) has sent their reference for your {{categoryName}} application.

{{#> next}}
You do not need to do anything. Your application page shows which references are still open; {{#if examFollows}}once all have arrived, the next step is your approval to sit the exam, and we will email you when you are approved.{{else}}we will email you when all have arrived.{{/if}}
{{/next}}

{{> button url=applicationUrl label="See your references"}}
`,
};
