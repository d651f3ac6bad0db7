import type { EmailTemplate } from '../email-template.js';

// To the administrator; applicationUrl is then the staff view of the application.
export const panelEscalated: EmailTemplate = {
  audience: 'staff',
  requires: [],
  subject: 'Reviewers disagree on {{applicant.name}} ({{categoryName}}), please decide',
  html: `
<p>The two reviewers of {{applicant.name}}'s application for the {{categoryName}} Endorsement could not reach consensus, so the decision passes to you.</p>
{{#if reason}}<p><strong>Reviewers' note:</strong><br>{{multiline reason}}</p>{{/if}}
{{#> next by=dueDate byLabel="Please decide by"}}
<p>Please read the portfolio and both reviews, then endorse, defer or deny the application. {{applicant.name}} waits for this decision.</p>
{{/next}}
{{> button url=applicationUrl label="Open the application"}}
`,
  text: `
The two reviewers of {{applicant.name}}'s application for the {{categoryName}} Endorsement could not reach consensus, so the decision passes to you.
{{#if reason}}

Reviewers' note:
{{multiline reason}}
{{/if}}

{{#> next by=dueDate byLabel="Please decide by"}}
Please read the portfolio and both reviews, then endorse, defer or deny the application. {{applicant.name}} waits for this decision.
{{/next}}

{{> button url=applicationUrl label="Open the application"}}
`,
};
