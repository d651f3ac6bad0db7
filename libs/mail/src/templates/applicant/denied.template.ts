import type { EmailTemplate } from '../email-template.js';

export const denied: EmailTemplate = {
  audience: 'applicant',
  requires: ['reason'],
  subject: 'Decision on your {{categoryName}} application',
  html: `
<p>Thank you for applying for the {{categoryName}} Endorsement. We are sorry to tell you that the reviewers have decided not to award it at this time.</p>
<p><strong>The reason:</strong><br>{{multiline reason}}</p>
{{#> next}}
<p>You do not need to do anything. If you have questions about this decision, or would like to talk about applying again in the future, please {{> contact}}.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Thank you for applying for the {{categoryName}} Endorsement. We are sorry to tell you that the reviewers have decided not to award it at this time.

The reason:
{{multiline reason}}

{{#> next}}
You do not need to do anything. If you have questions about this decision, or would like to talk about applying again in the future, please {{> contact}}.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
