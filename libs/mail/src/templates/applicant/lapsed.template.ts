import type { EmailTemplate } from '../email-template.js';

export const lapsed: EmailTemplate = {
  audience: 'applicant',
  requires: ['endorsements'],
  subject: 'How to reinstate your lapsed {{endorsements}}',
  html: `
<p>We did not receive your renewal in time, so your {{endorsements}} lapsed and your name is no longer listed in the public registry.</p>
<p>We know how busy work and life can get. This can be put right: you can reinstate your endorsement.</p>
{{#> next}}
<p>To reinstate it, start a reinstatement from your application page. You will need:</p>
<ul>
<li>an update of your work experience since your Endorsement,</li>
<li>three new references,</li>
<li>the reinstatement fee.</li>
</ul>
<p>You do not need to take the exam again.</p>
{{/next}}
{{> button url=applicationUrl label="Start your reinstatement"}}
`,
  text: `
We did not receive your renewal in time, so your {{endorsements}} lapsed and your name is no longer listed in the public registry.

We know how busy work and life can get. This can be put right: you can reinstate your endorsement.

{{#> next}}
To reinstate it, start a reinstatement from your application page. You will need:

- an update of your work experience since your Endorsement,
- three new references,
- the reinstatement fee.

You do not need to take the exam again.
{{/next}}

{{> button url=applicationUrl label="Start your reinstatement"}}
`,
};
