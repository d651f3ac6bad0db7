import type { EmailTemplate } from '../email-template.js';

export const deferred: EmailTemplate = {
  audience: 'applicant',
  requires: ['reason'],
  subject: 'Your {{categoryName}} application needs some changes',
  html: `
<p>The reviewers have read your application for the {{categoryName}} Endorsement and need some changes before they can decide. This is not a refusal: once you have made the changes, they will review your application again.</p>
<p><strong>What to change:</strong><br>{{multiline reason}}</p>
{{#> next by=dueDate byLabel="Please resubmit by"}}
<p>Open your application, make the changes above, and submit it again. If anything is unclear, please {{> contact}}.</p>
{{/next}}
{{> button url=applicationUrl label="Update your application"}}
`,
  text: `
The reviewers have read your application for the {{categoryName}} Endorsement and need some changes before they can decide. This is not a refusal: once you have made the changes, they will review your application again.

What to change:
{{multiline reason}}

{{#> next by=dueDate byLabel="Please resubmit by"}}
Open your application, make the changes above, and submit it again. If anything is unclear, please {{> contact}}.
{{/next}}

{{> button url=applicationUrl label="Update your application"}}
`,
};
