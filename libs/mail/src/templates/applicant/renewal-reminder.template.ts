import type { EmailTemplate } from '../email-template.js';

export const renewalReminder: EmailTemplate = {
  audience: 'applicant',
  requires: ['dueDate'],
  subject: 'Reminder: renew your {{categoryName}} Endorsement by {{dueDate}}',
  html: `
<p>This is a reminder that your {{categoryName}} Endorsement is due for renewal. It has not been renewed yet.</p>
{{#> next by=dueDate byLabel="Please renew by"}}
<p>On your renewal page, record this year's training and reflective supervision hours, confirm your association membership and pay the renewal fee. If you have already sent everything, there is nothing more to do: staff are reviewing it.</p>
{{/next}}
{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
  text: `
This is a reminder that your {{categoryName}} Endorsement is due for renewal. It has not been renewed yet.

{{#> next by=dueDate byLabel="Please renew by"}}
On your renewal page, record this year's training and reflective supervision hours, confirm your association membership and pay the renewal fee. If you have already sent everything, there is nothing more to do: staff are reviewing it.
{{/next}}

{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
};
