import type { EmailTemplate } from '../email-template.js';

export const lapsed: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'How to reinstate your lapsed {{categoryName}} Endorsement',
  html: `
<p>Your {{categoryName}} Endorsement was not renewed in time, so it has lapsed and your name is no longer listed in the public registry.</p>
<p>We know how busy work and life can get. This can be put right: you can reinstate your Endorsement.</p>
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
Your {{categoryName}} Endorsement was not renewed in time, so it has lapsed and your name is no longer listed in the public registry.

We know how busy work and life can get. This can be put right: you can reinstate your Endorsement.

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
