import type { EmailTemplate } from '../email-template.js';

export const examPassed: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'You passed the {{categoryName}} exam',
  html: `
<p>Congratulations: you passed the {{categoryName}} exam.</p>
{{#> next}}
<p>The reviewers will now make the final decision on your Endorsement. You do not need to do anything; we will email you as soon as they have decided.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Congratulations: you passed the {{categoryName}} exam.

{{#> next}}
The reviewers will now make the final decision on your Endorsement. You do not need to do anything; we will email you as soon as they have decided.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
