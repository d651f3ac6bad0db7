import type { EmailTemplate } from '../email-template.js';

export const examFailedRetake: EmailTemplate = {
  audience: 'applicant',
  requires: ['dueDate'],
  subject: 'Your {{categoryName}} exam result and how to retake it',
  html: `
<p>Thank you for sitting the {{categoryName}} exam. We are sorry to tell you that you did not pass this time. You can take the exam again.</p>
{{#if reason}}<p><strong>A note from the exam reviewers:</strong><br>{{multiline reason}}</p>{{/if}}
{{#> next by=dueDate byLabel="Send your retake request by"}}
<p>To retake the exam, please ask us in writing. The simplest way: {{> contact}} and say that you would like to retake the {{categoryName}} exam.</p>
{{#if examWindow}}<p>The next exam window is {{examWindow}}.</p>{{/if}}
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Thank you for sitting the {{categoryName}} exam. We are sorry to tell you that you did not pass this time. You can take the exam again.
{{#if reason}}

A note from the exam reviewers:
{{multiline reason}}
{{/if}}

{{#> next by=dueDate byLabel="Send your retake request by"}}
To retake the exam, please ask us in writing. The simplest way: {{> contact}} and say that you would like to retake the {{categoryName}} exam.
{{#if examWindow}}

The next exam window is {{examWindow}}.
{{/if}}
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
