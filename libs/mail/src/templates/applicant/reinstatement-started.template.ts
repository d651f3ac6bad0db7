import type { EmailTemplate } from '../email-template.js';

export const reinstatementStarted: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'Your {{categoryName}} reinstatement has started',
  html: `
<p>Thank you: the reinstatement of your {{categoryName}} Endorsement has started.</p>
{{#> next by=dueDate byLabel="Raters are asked to answer by"}}
<p>We are emailing your new reference raters a secure link to their rating form. We will email you as each reference arrives and when the reviewers have decided. You do not need to take the exam again.</p>
<p>If a rater tells you our email did not reach them, ask them to look in their spam or junk folder, or give us another address for them on your application page.</p>
{{/next}}
{{> button url=applicationUrl label="See your reinstatement"}}
`,
  text: `
Thank you: the reinstatement of your {{categoryName}} Endorsement has started.

{{#> next by=dueDate byLabel="Raters are asked to answer by"}}
We are emailing your new reference raters a secure link to their rating form. We will email you as each reference arrives and when the reviewers have decided. You do not need to take the exam again.

If a rater tells you our email did not reach them, ask them to look in their spam or junk folder, or give us another address for them on your application page.
{{/next}}

{{> button url=applicationUrl label="See your reinstatement"}}
`,
};
