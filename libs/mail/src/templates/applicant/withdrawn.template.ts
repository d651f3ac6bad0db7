import type { EmailTemplate } from '../email-template.js';

export const withdrawn: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'Your {{categoryName}} application was withdrawn',
  html: `
<p>Your application for the {{categoryName}} Endorsement has been withdrawn, and we have stopped all reminders about it.</p>
{{#if reason}}<p><strong>The reason:</strong><br>{{multiline reason}}</p>{{/if}}
{{#> next}}
<p>You do not need to do anything. If you did not expect this, please {{> contact}} as soon as possible. You are welcome to apply again whenever you are ready.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Your application for the {{categoryName}} Endorsement has been withdrawn, and we have stopped all reminders about it.
{{#if reason}}

The reason:
{{multiline reason}}
{{/if}}

{{#> next}}
You do not need to do anything. If you did not expect this, please {{> contact}} as soon as possible. You are welcome to apply again whenever you are ready.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
