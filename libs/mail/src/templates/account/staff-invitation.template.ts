import type { EmailTemplate } from '../email-template.js';

// The invitee may not expect it: say who invites them, to do what, and that the link sets their password.
export const staffInvitation: EmailTemplate = {
  audience: 'account',
  requires: ['accountUrl', 'accountLinkExpires', 'staffRoles'],
  subject: 'You are invited to the Endorsement team as {{staffRoles}}',
  html: `
<p>{{association.name}} invites you to its Endorsement team as {{staffRoles}}. The Endorsement is a credential for professionals who work with infants, young children and their families; the team reviews and decides on applications.</p>
{{#> next by=accountLinkExpires byLabel="The invitation works until"}}
<p>Accept the invitation with the button or link below: you confirm your name and choose a password. The link works once and is personal to you, so please do not forward this email.</p>
<p>If you did not expect this invitation, please {{> contact}}.</p>
{{/next}}
{{> button url=accountUrl label="Accept the invitation"}}
`,
  text: `
{{association.name}} invites you to its Endorsement team as {{staffRoles}}. The Endorsement is a credential for professionals who work with infants, young children and their families; the team reviews and decides on applications.

{{#> next by=accountLinkExpires byLabel="The invitation works until"}}
Accept the invitation with the link below: you confirm your name and choose a password. The link works once and is personal to you, so please do not forward this email.

If you did not expect this invitation, please {{> contact}}.
{{/next}}

{{> button url=accountUrl label="Accept the invitation"}}
`,
};
