import type { EmailTemplate } from '../email-template.js';

export const lapsed: EmailTemplate = {
  audience: 'applicant',
  requires: ['endorsements'],
  subject: 'How to reinstate your lapsed {{endorsements}}',
  html: `
<p>We did not receive your renewal in time, so your {{endorsements}} lapsed. You are no longer endorsed, and your name does not appear in the public registry.</p>
<p>We know how busy work and life can get. This can be put right: you can reinstate your endorsement.</p>
{{#> next}}
<p>To reinstate it, start a reinstatement from your application page and name your reference raters: the same people as before, or others in the same roles. We email each of them for a new reference; your earlier references no longer count. When all have arrived, the reviewers decide again.</p>
<p>You do not need to take the exam again.</p>
{{/next}}
{{> button url=applicationUrl label="Start your reinstatement"}}
`,
  text: `
We did not receive your renewal in time, so your {{endorsements}} lapsed. You are no longer endorsed, and your name does not appear in the public registry.

We know how busy work and life can get. This can be put right: you can reinstate your endorsement.

{{#> next}}
To reinstate it, start a reinstatement from your application page and name your reference raters: the same people as before, or others in the same roles. We email each of them for a new reference; your earlier references no longer count. When all have arrived, the reviewers decide again.

You do not need to take the exam again.
{{/next}}

{{> button url=applicationUrl label="Start your reinstatement"}}
`,
};
