import type { EmailTemplate } from '../email-template.js';

export const applicationReceived: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'Your {{categoryName}} application was received',
  html: `
<p>Thank you. We have received your application for the {{categoryName}} Endorsement.</p>
{{#> next}}
<p>You do not need to do anything right now. Next, our team looks at your application and then emails each of your reference raters a link to their rating form. We will write to you at every step.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Thank you. We have received your application for the {{categoryName}} Endorsement.

{{#> next}}
You do not need to do anything right now. Next, our team looks at your application and then emails each of your reference raters a link to their rating form. We will write to you at every step.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
