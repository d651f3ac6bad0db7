import type { EmailTemplate } from '../email-template.js';

export const examApprovalExpired: EmailTemplate = {
  audience: 'applicant',
  requires: ['dueDate'],
  subject: 'Your approval to sit the {{categoryName}} exam has ended',
  html: `
<p>Your approval to sit the {{categoryName}} exam lasted until {{dueDate}}, and no sitting was booked in that time. We are sorry, but this application is therefore closed without the Endorsement.</p>
{{#> next}}
<p>You are welcome to apply again whenever you are ready: start a new application for the {{categoryName}} Endorsement from your account. Your new application is reviewed as a new one, and if it is approved you will have a new approval to sit the exam.</p>
<p>If something kept you from booking, or you would like to talk it through first, please {{> contact}}.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
Your approval to sit the {{categoryName}} exam lasted until {{dueDate}}, and no sitting was booked in that time. We are sorry, but this application is therefore closed without the Endorsement.

{{#> next}}
You are welcome to apply again whenever you are ready: start a new application for the {{categoryName}} Endorsement from your account. Your new application is reviewed as a new one, and if it is approved you will have a new approval to sit the exam.

If something kept you from booking, or you would like to talk it through first, please {{> contact}}.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
