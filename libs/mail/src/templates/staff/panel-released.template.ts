import type { EmailTemplate } from '../email-template.js';

// To a reviewer taken off a panel before voting; applicationUrl is then the reviewer's list of reviews.
export const panelReleased: EmailTemplate = {
  audience: 'staff',
  requires: [],
  subject: 'You no longer need to review {{applicant.name}} ({{categoryName}})',
  html: `
<p>The panel for {{applicant.name}}'s application for the {{categoryName}} Endorsement has changed, and you are no longer one of its reviewers.</p>
{{#> next}}
<p>You do not need to do anything; any notes you made are not kept. Thank you for your time. The application no longer appears among your reviews.</p>
{{/next}}
{{> button url=applicationUrl label="See your reviews"}}
`,
  text: `
The panel for {{applicant.name}}'s application for the {{categoryName}} Endorsement has changed, and you are no longer one of its reviewers.

{{#> next}}
You do not need to do anything; any notes you made are not kept. Thank you for your time. The application no longer appears among your reviews.
{{/next}}

{{> button url=applicationUrl label="See your reviews"}}
`,
};
