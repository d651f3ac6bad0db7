import type { EmailTemplate } from '../email-template.js';

export const examReminder: EmailTemplate = {
  audience: 'applicant',
  requires: ['exam'],
  subject: 'Reminder: your {{categoryName}} exam on {{exam.date}}',
  html: `
<p>This is a reminder that you sit the {{categoryName}} exam on <strong>{{exam.date}}</strong> ({{exam.place}}).</p>
<p>Your candidate code is <strong>{{exam.candidateCode}}</strong>. {{#if exam.online}}Use it, and not your name, to identify your answers to both parts.{{else}}Write it, and not your name, on every page of both parts.{{/if}}</p>
{{#> next by=exam.date byLabel="Exam day"}}
<p>Part 1: {{exam.part1}}. Part 2: {{exam.part2}}.</p>
<p>{{#if exam.online}}If you are not sure how to join the online sitting, or{{else}}If{{/if}} you can no longer attend, please {{> contact}} as soon as you can.</p>
{{/next}}
{{> button url=applicationUrl label="See your application"}}
`,
  text: `
This is a reminder that you sit the {{categoryName}} exam on {{exam.date}} ({{exam.place}}).

Your candidate code is {{exam.candidateCode}}. {{#if exam.online}}Use it, and not your name, to identify your answers to both parts.{{else}}Write it, and not your name, on every page of both parts.{{/if}}

{{#> next by=exam.date byLabel="Exam day"}}
Part 1: {{exam.part1}}. Part 2: {{exam.part2}}.

{{#if exam.online}}If you are not sure how to join the online sitting, or{{else}}If{{/if}} you can no longer attend, please {{> contact}} as soon as you can.
{{/next}}

{{> button url=applicationUrl label="See your application"}}
`,
};
