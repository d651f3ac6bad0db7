import type { EmailTemplate } from '../email-template.js';

export const renewalLateNotice: EmailTemplate = {
  audience: 'applicant',
  requires: ['dueDate'],
  subject: 'Your {{categoryName}} Endorsement renewal is late: renew by {{dueDate}} to keep it',
  html: `
<p>The renewal date of your {{categoryName}} Endorsement has passed and we have not received your renewal. Your Endorsement is still active for now, and you can still renew it; a late fee applies.</p>
{{#> next by=dueDate byLabel="Last day to renew"}}
<p>On your renewal page, record this year's hours, confirm your membership and pay the renewal and late fees. If the renewal is not completed by this date, the Endorsement lapses{{#if registryListed}} and your name leaves the public registry{{/if}}.</p>
{{/next}}
{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
  text: `
The renewal date of your {{categoryName}} Endorsement has passed and we have not received your renewal. Your Endorsement is still active for now, and you can still renew it; a late fee applies.

{{#> next by=dueDate byLabel="Last day to renew"}}
On your renewal page, record this year's hours, confirm your membership and pay the renewal and late fees. If the renewal is not completed by this date, the Endorsement lapses{{#if registryListed}} and your name leaves the public registry{{/if}}.
{{/next}}

{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
};
