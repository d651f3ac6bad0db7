import type { EmailTemplate } from '../email-template.js';

export const renewalReminder: EmailTemplate = {
  audience: 'applicant',
  requires: ['endorsements', 'dueDate'],
  subject: 'Reminder: renew your {{endorsements}} by {{dueDate}}',
  html: `
<p>This is a reminder that it is time to renew your {{endorsements}}. We have not received your renewal yet.</p>
{{#> next by=dueDate byLabel="Please renew by"}}
<p>On your renewal page, record this year's training and reflective supervision hours, confirm your association membership and pay the renewal fee. If you have already sent everything, there is nothing more to do: staff are reviewing it.</p>
{{/next}}
{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
  text: `
This is a reminder that it is time to renew your {{endorsements}}. We have not received your renewal yet.

{{#> next by=dueDate byLabel="Please renew by"}}
On your renewal page, record this year's training and reflective supervision hours, confirm your association membership and pay the renewal fee. If you have already sent everything, there is nothing more to do: staff are reviewing it.
{{/next}}

{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
};
