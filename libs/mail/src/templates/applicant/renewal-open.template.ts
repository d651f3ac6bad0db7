import type { EmailTemplate } from '../email-template.js';

export const renewalOpen: EmailTemplate = {
  audience: 'applicant',
  requires: ['endorsements', 'dueDate'],
  subject: 'Please renew your {{endorsements}} by {{dueDate}}',
  html: `
<p>It is time to renew your {{endorsements}} for the coming year, so that you stay endorsed{{#if registryListed}} and listed in the public registry{{/if}}.</p>
{{#> next by=dueDate byLabel="Please renew by"}}
<p>On your renewal page, confirm your association membership, record this year's training and reflective supervision hours, and pay the renewal fee. One renewal and one fee cover all your categories, and the same hours count for each; the page shows exactly what you need this year.</p>
<p>After the date below a late fee may apply, and a renewal that is not completed lets the Endorsement lapse.</p>
{{/next}}
{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
  text: `
It is time to renew your {{endorsements}} for the coming year, so that you stay endorsed{{#if registryListed}} and listed in the public registry{{/if}}.

{{#> next by=dueDate byLabel="Please renew by"}}
On your renewal page, confirm your association membership, record this year's training and reflective supervision hours, and pay the renewal fee. One renewal and one fee cover all your categories, and the same hours count for each; the page shows exactly what you need this year.

After the date below a late fee may apply, and a renewal that is not completed lets the Endorsement lapse.
{{/next}}

{{> button url=applicationUrl label="Renew your Endorsement"}}
`,
};
