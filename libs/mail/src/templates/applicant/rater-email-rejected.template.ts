import type { EmailTemplate } from '../email-template.js';

// The failure applicants of today's portals complain about most: the request silently never arrives.
export const raterEmailRejected: EmailTemplate = {
  audience: 'applicant',
  requires: ['rater'],
  subject: 'Please give another email address for {{rater.name}}',
  html: `
<p>We tried to send {{rater.name}} ({{rater.role}}) the reference request for your {{categoryName}} application, but their email server rejected our message. This often happens with workplace email systems; it is not something you did wrong.</p>
{{#> next by=dueDate}}
<p><strong>Please give us another email address for {{rater.name}}</strong> on your application page; a personal address often works. It helps to tell them to expect our email. If they cannot be reached, you can name a different rater instead.</p>
{{/next}}
{{> button url=applicationUrl label="Give another address"}}
`,
  text: `
We tried to send {{rater.name}} ({{rater.role}}) the reference request for your {{categoryName}} application, but their email server rejected our message. This often happens with workplace email systems; it is not something you did wrong.

{{#> next by=dueDate}}
Please give us another email address for {{rater.name}} on your application page; a personal address often works. It helps to tell them to expect our email. If they cannot be reached, you can name a different rater instead.
{{/next}}

{{> button url=applicationUrl label="Give another address"}}
`,
};
