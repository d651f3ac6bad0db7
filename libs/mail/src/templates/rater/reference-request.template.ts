import type { EmailTemplate } from '../email-template.js';

// The rater has no account and may never have heard of the Endorsement: say who, what and why,
// and that it is short. The link is the only secret any email carries.
export const referenceRequest: EmailTemplate = {
  audience: 'rater',
  requires: ['referenceUrl', 'referenceExpires'],
  subject: 'Reference request for {{applicant.name}} ({{categoryName}} Endorsement)',
  html: `
<p>{{applicant.name}} has applied to {{association.name}} for the {{categoryName}} Endorsement and has named you as one of their reference raters.</p>
<p>The Endorsement is a credential for professionals who work with infants, young children and their families. Each applicant needs ratings from people who know their work. The rating form asks what you have seen of {{applicant.name}}'s work; it takes about 15 minutes, and you do not need an account or a password.</p>
{{#> next by=referenceExpires byLabel="Your link works until"}}
<p>Please open the rating form with the button or link below. The link is personal to you, so please do not forward this email.</p>
<p>If you cannot give a reference, or do not know {{applicant.name}}'s work well enough, please {{> contact}} so that we can let them ask someone else.</p>
{{/next}}
{{> button url=referenceUrl label="Open the rating form"}}
`,
  text: `
{{applicant.name}} has applied to {{association.name}} for the {{categoryName}} Endorsement and has named you as one of their reference raters.

The Endorsement is a credential for professionals who work with infants, young children and their families. Each applicant needs ratings from people who know their work. The rating form asks what you have seen of {{applicant.name}}'s work; it takes about 15 minutes, and you do not need an account or a password.

{{#> next by=referenceExpires byLabel="Your link works until"}}
Please open the rating form with the link below. The link is personal to you, so please do not forward this email.

If you cannot give a reference, or do not know {{applicant.name}}'s work well enough, please {{> contact}} so that we can let them ask someone else.
{{/next}}

{{> button url=referenceUrl label="Open the rating form"}}
`,
};
