import type { EmailTemplate } from '../email-template.js';

export const resumed: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'Your {{categoryName}} application is moving again',
  html: `
<p>Your application for the {{categoryName}} Endorsement is no longer on hold. It continues from where it stopped.</p>
{{#> next by=dueDate}}
<p>Please look at your application page: it shows the current step and whether anything is needed from you.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Your application for the {{categoryName}} Endorsement is no longer on hold. It continues from where it stopped.

{{#> next by=dueDate}}
Please look at your application page: it shows the current step and whether anything is needed from you.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
