import type { EmailTemplate } from '../email-template.js';

export const examApprovalReminder: EmailTemplate = {
  audience: 'applicant',
  requires: ['dueDate'],
  subject: 'Reminder: book your {{categoryName}} exam before {{dueDate}}',
  html: `
<p>You are approved to sit the {{categoryName}} exam, and no sitting is booked for you at the moment. Your approval lasts until <strong>{{dueDate}}</strong>.</p>
{{#> next by=dueDate byLabel="Book a sitting by"}}
<p>Please book a sitting that takes place on or before {{dueDate}}: open your application and choose one of the sittings offered. If none suits you, or you have a question, please {{> contact}}.</p>
<p>If the approval ends with no sitting booked, this application will be closed. You could then apply again.</p>
{{/next}}
{{> button url=applicationUrl label="Book a sitting"}}
`,
  text: `
You are approved to sit the {{categoryName}} exam, and no sitting is booked for you at the moment. Your approval lasts until {{dueDate}}.

{{#> next by=dueDate byLabel="Book a sitting by"}}
Please book a sitting that takes place on or before {{dueDate}}: open your application and choose one of the sittings offered. If none suits you, or you have a question, please {{> contact}}.

If the approval ends with no sitting booked, this application will be closed. You could then apply again.
{{/next}}

{{> button url=applicationUrl label="Book a sitting"}}
`,
};
