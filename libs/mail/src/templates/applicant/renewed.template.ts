import type { EmailTemplate } from '../email-template.js';

export const renewed: EmailTemplate = {
  audience: 'applicant',
  requires: ['endorsements', 'dueDate'],
  subject: 'Your renewal is complete: {{endorsements}}',
  html: `
<p>Thank you: the renewal of your {{endorsements}} is complete. You stay endorsed{{#if registryListed}} and listed in the public registry{{/if}}.</p>
<p>Your certificate now shows your next renewal date: download it again, with your digital credential, on your Endorsement page.</p>
{{#> next by=dueDate byLabel="Your next renewal is due by"}}
<p>Nothing is needed now. Over the coming year, keep a record of your training and reflective supervision hours; you will need them for your next renewal, and we will email you when it opens.</p>
{{/next}}
{{> button url=applicationUrl label="See your Endorsement"}}
`,
  text: `
Thank you: the renewal of your {{endorsements}} is complete. You stay endorsed{{#if registryListed}} and listed in the public registry{{/if}}.

Your certificate now shows your next renewal date: download it again, with your digital credential, on your Endorsement page.

{{#> next by=dueDate byLabel="Your next renewal is due by"}}
Nothing is needed now. Over the coming year, keep a record of your training and reflective supervision hours; you will need them for your next renewal, and we will email you when it opens.
{{/next}}

{{> button url=applicationUrl label="See your Endorsement"}}
`,
};
