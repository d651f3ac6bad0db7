import type { EmailTemplate } from '../email-template.js';

export const resubmissionReceived: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'Your updated {{categoryName}} application was received',
  html: `
<p>Thank you for making the changes. We have received your updated application for the {{categoryName}} Endorsement.</p>
{{#> next}}
<p>The reviewers will now look at it again. You do not need to do anything; we will email you as soon as they have decided.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Thank you for making the changes. We have received your updated application for the {{categoryName}} Endorsement.

{{#> next}}
The reviewers will now look at it again. You do not need to do anything; we will email you as soon as they have decided.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
