import type { EmailTemplate } from '../email-template.js';

export const endorsed: EmailTemplate = {
  audience: 'applicant',
  requires: ['endorsementNumber', 'verifyUrl'],
  subject: 'Your {{categoryName}} Endorsement is approved',
  html: `
<p>Congratulations! The reviewers have approved your {{categoryName}} Endorsement.</p>
<p>Your endorsement number is <strong>{{endorsementNumber}}</strong>. Please keep it: it identifies your Endorsement.</p>
<p>Your certificate (PDF) and your Endorsement as a digital credential that employers' systems can verify are ready to download on your Endorsement page. Anyone can check that your Endorsement is current at <a href="{{verifyUrl}}">{{verifyUrl}}</a>.</p>
{{#> next by=dueDate byLabel="Your first renewal is due by"}}
<p>If you wish, you can list your name and endorsement number in the public registry of endorsed professionals, so that employers and families can check your Endorsement: you choose this on your application page. The Endorsement is renewed once a year; we will email you when your renewal opens.</p>
{{/next}}
{{> button url=applicationUrl label="See your Endorsement"}}
`,
  text: `
Congratulations! The reviewers have approved your {{categoryName}} Endorsement.

Your endorsement number is {{endorsementNumber}}. Please keep it: it identifies your Endorsement.

Your certificate (PDF) and your Endorsement as a digital credential that employers' systems can verify are ready to download on your Endorsement page. Anyone can check that your Endorsement is current at {{verifyUrl}}

{{#> next by=dueDate byLabel="Your first renewal is due by"}}
If you wish, you can list your name and endorsement number in the public registry of endorsed professionals, so that employers and families can check your Endorsement: you choose this on your application page. The Endorsement is renewed once a year; we will email you when your renewal opens.
{{/next}}

{{> button url=applicationUrl label="See your Endorsement"}}
`,
};
