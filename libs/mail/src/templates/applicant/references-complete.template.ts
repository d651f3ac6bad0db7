import type { EmailTemplate } from '../email-template.js';

export const referencesComplete: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'All references are in for your {{categoryName}} application',
  html: `
<p>Good news: all the references your application for the {{categoryName}} Endorsement needs have arrived.</p>
{{#> next}}
<p>Two reviewers will now read your portfolio. You do not need to do anything. We will email you as soon as they have decided.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Good news: all the references your application for the {{categoryName}} Endorsement needs have arrived.

{{#> next}}
Two reviewers will now read your portfolio. You do not need to do anything. We will email you as soon as they have decided.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
