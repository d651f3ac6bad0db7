import type { EmailTemplate } from '../email-template.js';

export const referencesRequested: EmailTemplate = {
  audience: 'applicant',
  requires: ['raters'],
  subject: 'Reference requests sent for your {{categoryName}} application',
  html: `
<p>We have emailed each of your reference raters a secure link to their rating form:</p>
<ul>
{{#each raters}}<li>{{name}}, {{role}}</li>
{{/each}}
</ul>
{{#> next by=dueDate byLabel="Raters are asked to answer by"}}
<p>Nothing is needed from you right now. The form takes a rater about 15 minutes. We will email you as each reference arrives, and your application page shows which ones are still open.</p>
<p>If a rater tells you our email did not reach them, ask them to look in their spam or junk folder. If it is not there, please give us another email address for them on your application page.</p>
{{/next}}
{{> button url=applicationUrl label="See your references"}}
`,
  text: `
We have emailed each of your reference raters a secure link to their rating form:

{{#each raters}}
- {{name}}, {{role}}
{{/each}}

{{#> next by=dueDate byLabel="Raters are asked to answer by"}}
Nothing is needed from you right now. The form takes a rater about 15 minutes. We will email you as each reference arrives, and your application page shows which ones are still open.

If a rater tells you our email did not reach them, ask them to look in their spam or junk folder. If it is not there, please give us another email address for them on your application page.
{{/next}}

{{> button url=applicationUrl label="See your references"}}
`,
};
