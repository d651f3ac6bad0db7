import type { EmailTemplate } from '../email-template.js';

// Without this the application would wait for a reference that will never count, and nobody would say so.
export const referenceNotCounted: EmailTemplate = {
  audience: 'applicant',
  requires: ['rater'],
  subject: 'The reference from {{rater.name}} cannot count: please name another rater',
  html: `
<p>{{rater.name}} ({{rater.role}}) has sent their reference form for your {{categoryName}} application, thank you for arranging it. Unfortunately it cannot count toward your endorsement: on too many of its statements the form says there was not enough information to rate them. This usually means the rater has not seen enough of your work, not that anything is wrong with it.</p>
{{#> next by=dueDate}}
<p><strong>Please name another rater for this reference</strong> (someone who knows your work well in the same role) on your application page. We will send them a new request straight away; your other references are not affected.</p>
{{/next}}
{{> button url=applicationUrl label="Name another rater"}}
`,
  text: `
{{rater.name}} ({{rater.role}}) has sent their reference form for your {{categoryName}} application, thank you for arranging it. Unfortunately it cannot count toward your endorsement: on too many of its statements the form says there was not enough information to rate them. This usually means the rater has not seen enough of your work, not that anything is wrong with it.

{{#> next by=dueDate}}
Please name another rater for this reference (someone who knows your work well in the same role) on your application page. We will send them a new request straight away; your other references are not affected.
{{/next}}

{{> button url=applicationUrl label="Name another rater"}}
`,
};
