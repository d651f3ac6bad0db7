import type { EmailTemplate } from '../email-template.js';

export const renewalLateNotice: EmailTemplate = {
  audience: 'applicant',
  requires: ['endorsements', 'dueDate'],
  subject: 'Late: please renew your {{endorsements}} by {{dueDate}}',
  html: `
<p>The renewal date of your {{endorsements}} has passed and we have not received your renewal. You are still endorsed for now, and you can still renew; a late fee applies.</p>
{{#> next by=dueDate byLabel="Last day to renew"}}
<p>On your renewal page, record this year's hours, confirm your membership and pay the renewal and late fees. If the renewal is not completed by this date, your endorsement lapses{{#if registryListed}} and your name leaves the public registry{{/if}}.</p>
{{/next}}
{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
  text: `
The renewal date of your {{endorsements}} has passed and we have not received your renewal. You are still endorsed for now, and you can still renew; a late fee applies.

{{#> next by=dueDate byLabel="Last day to renew"}}
On your renewal page, record this year's hours, confirm your membership and pay the renewal and late fees. If the renewal is not completed by this date, your endorsement lapses{{#if registryListed}} and your name leaves the public registry{{/if}}.
{{/next}}

{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
};
