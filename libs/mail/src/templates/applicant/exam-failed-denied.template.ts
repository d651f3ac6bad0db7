import type { EmailTemplate } from '../email-template.js';

export const examFailedDenied: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'Your {{categoryName}} exam result',
  html: `
<p>Thank you for sitting the {{categoryName}} exam. We are sorry to tell you that you did not pass, and no further retake is available for this application. This application is therefore closed without the Endorsement.</p>
{{#if reason}}<p><strong>A note from the exam reviewers:</strong><br>{{multiline reason}}</p>{{/if}}
{{#> next}}
<p>You do not need to do anything. If you would like to talk about this result, or about applying again in the future, please {{> contact}}.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Thank you for sitting the {{categoryName}} exam. We are sorry to tell you that you did not pass, and no further retake is available for this application. This application is therefore closed without the Endorsement.
{{#if reason}}

A note from the exam reviewers:
{{multiline reason}}
{{/if}}

{{#> next}}
You do not need to do anything. If you would like to talk about this result, or about applying again in the future, please {{> contact}}.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
