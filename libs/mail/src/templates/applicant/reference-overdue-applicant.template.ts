import type { EmailTemplate } from '../email-template.js';

export const referenceOverdueApplicant: EmailTemplate = {
  audience: 'applicant',
  requires: ['rater', 'daysWaiting'],
  subject: 'No reference yet from {{rater.name}}',
  html: `
<p>We sent {{rater.name}} ({{rater.role}}) the reference request for your {{categoryName}} application {{days daysWaiting}} ago, and they have not answered yet.</p>
{{#> next by=dueDate byLabel="References are needed by"}}
<p>It may help to contact {{rater.name}} yourself: ask whether they received our email, and to look in their spam or junk folder. Workplace email systems sometimes block our messages.</p>
<p>If the address may be wrong or blocked, give us another one for them (a personal address often works), or name a different rater, on your application page.</p>
{{/next}}
{{> button url=applicationUrl label="See your references"}}
`,
  text: `
We sent {{rater.name}} ({{rater.role}}) the reference request for your {{categoryName}} application {{days daysWaiting}} ago, and they have not answered yet.

{{#> next by=dueDate byLabel="References are needed by"}}
It may help to contact {{rater.name}} yourself: ask whether they received our email, and to look in their spam or junk folder. Workplace email systems sometimes block our messages.

If the address may be wrong or blocked, give us another one for them (a personal address often works), or name a different rater, on your application page.
{{/next}}

{{> button url=applicationUrl label="See your references"}}
`,
};
