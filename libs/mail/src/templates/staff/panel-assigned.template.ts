import type { EmailTemplate } from '../email-template.js';

// To each reviewer of a panel; applicationUrl is then the reviewer's page of the application.
export const panelAssigned: EmailTemplate = {
  audience: 'staff',
  requires: [],
  subject: 'Please review {{applicant.name}} ({{categoryName}})',
  html: `
<p>You are one of the two reviewers of {{applicant.name}}'s application for the {{categoryName}} Endorsement.</p>
{{#> next}}
<p>Please read the portfolio and the references, then record your recommendation (endorse, defer or deny) with the competency checklist. The other reviewer does the same; when you agree, the decision is made. {{applicant.name}} waits for it.</p>
{{/next}}
{{> button url=applicationUrl label="Open the review"}}
`,
  text: `
You are one of the two reviewers of {{applicant.name}}'s application for the {{categoryName}} Endorsement.

{{#> next}}
Please read the portfolio and the references, then record your recommendation (endorse, defer or deny) with the competency checklist. The other reviewer does the same; when you agree, the decision is made. {{applicant.name}} waits for it.
{{/next}}

{{> button url=applicationUrl label="Open the review"}}
`,
};
