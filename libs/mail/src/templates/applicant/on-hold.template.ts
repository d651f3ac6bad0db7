import type { EmailTemplate } from '../email-template.js';

export const onHold: EmailTemplate = {
  audience: 'applicant',
  requires: ['reason'],
  subject: 'Your {{categoryName}} application is on hold',
  html: `
<p>We have put your application for the {{categoryName}} Endorsement on hold for now.</p>
<p><strong>The reason:</strong><br>{{multiline reason}}</p>
{{#> next by=dueDate}}
<p>While it is on hold, your application does not move forward, but nothing is lost: everything you have done so far is kept. If the reason above asks something of you, please do it or {{> contact}}. We will email you when your application moves again.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
We have put your application for the {{categoryName}} Endorsement on hold for now.

The reason:
{{multiline reason}}

{{#> next by=dueDate}}
While it is on hold, your application does not move forward, but nothing is lost: everything you have done so far is kept. If the reason above asks something of you, please do it or {{> contact}}. We will email you when your application moves again.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
