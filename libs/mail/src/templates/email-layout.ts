// The one layout and the shared blocks of every email, in an HTML and a plain-text version with the
// same partial names, so a template writes `{{#> next}}` once per part and both read alike.
// Mail clients drop <style> blocks, hence inline styles; tables because Outlook ignores max-width on divs.

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const BRAND = '#1f4e5f'; // dark teal: white text on it and it on white both pass WCAG AA
const LINK = 'color:#1a5b8c;text-decoration:underline;';

const HTML_LAYOUT = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr>
<td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border-radius:6px;">
<tr>
<td style="padding:20px 28px;background-color:${BRAND};border-radius:6px 6px 0 0;${FONT}font-size:18px;line-height:1.4;font-weight:bold;color:#ffffff;">{{association.name}}</td>
</tr>
<tr>
<td style="padding:28px;${FONT}font-size:16px;line-height:1.5;color:#1f2933;">
<p>Dear {{recipient.name}},</p>
{{{body}}}
<p>Kind regards,<br>The Endorsement team<br>{{association.name}}</p>
</td>
</tr>
<tr>
<td style="padding:16px 28px 24px;border-top:1px solid #e5e7eb;${FONT}font-size:14px;line-height:1.5;color:#4b5563;">Questions? Please {{> contact}}.</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;

const TEXT_LAYOUT = `Dear {{recipient.name}},

{{{body}}}

Kind regards,
The Endorsement team
{{association.name}}

--
Questions? Please {{> contact}}.
`;

// `by` is the date of the next step; `byLabel` says whose step it is when "By when" would be unclear.
const HTML_NEXT = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 20px;">
<tr>
<td style="padding:16px 20px 0;background-color:#eef5f7;border-left:4px solid ${BRAND};">
<h2>What happens next</h2>
{{> @partial-block}}
{{#if by}}<p><strong>{{#if byLabel}}{{byLabel}}{{else}}By when{{/if}}:</strong> {{by}}</p>{{/if}}
</td>
</tr>
</table>
`;

const TEXT_NEXT = `What happens next
-----------------
{{> @partial-block}}
{{#if by}}

{{#if byLabel}}{{byLabel}}{{else}}By when{{/if}}: {{by}}
{{/if}}
`;

// The link is also written out under the button: some clients block buttons, some readers copy links.
const HTML_BUTTON = `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 12px;">
<tr>
<td style="border-radius:4px;background-color:${BRAND};">
<a style="display:inline-block;padding:12px 22px;${FONT}font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;" href="{{url}}">{{label}}</a>
</td>
</tr>
</table>
<p style="margin:0 0 16px;font-size:14px;color:#4b5563;">If the button does not work, copy this link into your browser:<br><a style="${LINK}word-break:break-all;" href="{{url}}">{{url}}</a></p>
`;

const TEXT_BUTTON = `{{label}}:
{{url}}
`;

const HTML_CONTACT =
  '{{#if association.contactEmail}}write to <a href="mailto:{{association.contactEmail}}">{{association.contactEmail}}</a>{{else}}reply to this email{{/if}}';
const TEXT_CONTACT = '{{#if association.contactEmail}}write to {{association.contactEmail}}{{else}}reply to this email{{/if}}';

/** Layout and shared blocks (partials `next`, `button`, `contact`) per part of the email. */
export const EMAIL_LAYOUT = {
  html: { layout: HTML_LAYOUT, partials: { next: HTML_NEXT, button: HTML_BUTTON, contact: HTML_CONTACT } },
  text: { layout: TEXT_LAYOUT, partials: { next: TEXT_NEXT, button: TEXT_BUTTON, contact: TEXT_CONTACT } },
} as const;

const TAG_STYLES: readonly [RegExp, string][] = [
  [/<p>/g, '<p style="margin:0 0 16px;">'],
  [/<ul>/g, '<ul style="margin:0 0 16px;padding-left:24px;">'],
  [/<li>/g, '<li style="margin:0 0 6px;">'],
  [/<h2>/g, `<h2 style="margin:0 0 8px;${FONT}font-size:18px;line-height:1.3;color:${BRAND};">`],
  [/<a href=/g, `<a style="${LINK}" href=`],
];

/**
 * Gives the bare tags the templates write their inline style, so sources stay readable and every
 * email looks alike. Only our own markup is touched: model values are escaped before this runs.
 */
export function inlineStyles(html: string): string {
  return TAG_STYLES.reduce((out, [tag, styled]) => out.replace(tag, styled), html);
}
