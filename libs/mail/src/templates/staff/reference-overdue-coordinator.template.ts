import type { EmailTemplate } from '../email-template.js';

// To the coordinator; applicationUrl is then the staff view of the application.
export const referenceOverdueCoordinator: EmailTemplate = {
  audience: 'staff',
  requires: ['rater', 'daysWaiting'],
  subject: 'No reference yet from {{rater.name}} for {{applicant.name}}',
  html: `
<p>{{rater.name}} ({{rater.role}}) has not answered the reference request for {{applicant.name}}'s {{categoryName}} application, {{days daysWaiting}} after it was sent.</p>
{{#> next by=referenceExpires byLabel="The rater's link is valid until"}}
<p>Please consider phoning the rater, or asking {{applicant.name}} to check the address or name another rater. We have also let {{applicant.name}} know.</p>
{{/next}}
{{> button url=applicationUrl label="Open the application"}}
`,
  text: `
{{rater.name}} ({{rater.role}}) has not answered the reference request for {{applicant.name}}'s {{categoryName}} application, {{days daysWaiting}} after it was sent.

{{#> next by=referenceExpires byLabel="The rater's link is valid until"}}
Please consider phoning the rater, or asking {{applicant.name}} to check the address or name another rater. We have also let {{applicant.name}} know.
{{/next}}

{{> button url=applicationUrl label="Open the application"}}
`,
};
