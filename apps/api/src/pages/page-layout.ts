import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { Response } from 'express';

// Small, readable on a phone, visible focus, no external assets: people open these pages from a mail client
// or a bare browser (raters, operators), never through a front-end build.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#f5f5f2}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem;background:#fff;min-height:100vh}
h1{font-size:1.75rem;line-height:1.25;margin:.25rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
.association{margin:0;color:#4a4a4a;font-weight:600}
.lead{font-size:1.125rem}
a{color:#1d4f91}
a:focus,input:focus,textarea:focus,button:focus,[tabindex]:focus{outline:3px solid #f2a900;outline-offset:2px}
.note{border-left:5px solid #1d4f91;background:#eef3fa;padding:.75rem 1rem;margin:1rem 0}
.error-summary{border:4px solid #b3261e;padding:1rem 1.25rem;margin:0 0 1.5rem}
.error-summary h2{margin-top:0;color:#b3261e}
.error-summary a{color:#b3261e;font-weight:600}
.item{border-top:1px solid #d0d0cc;padding:1rem 0}
.item.has-error{border-left:5px solid #b3261e;padding-left:1rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:600;padding:0;margin-bottom:.5rem}
.field-error{color:#b3261e;font-weight:600;margin:0 0 .5rem}
.choices{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.5rem}
.choice{display:flex;align-items:center;gap:.5rem;border:1px solid #a7a7a2;border-radius:4px;padding:.5rem .75rem;cursor:pointer;line-height:1.25}
.choice:has(input:checked){border-color:#1d4f91;background:#eef3fa;box-shadow:inset 0 0 0 1px #1d4f91}
.choice input{width:1.25rem;height:1.25rem;margin:0;flex:none}
.choice.nei{grid-column:1/-1;background:#f5f5f2}
label.block{display:block;font-weight:600;margin-top:1.5rem}
.hint{color:#4a4a4a;margin:.25rem 0 .5rem}
textarea,input.text{width:100%;font:inherit;padding:.5rem;border:2px solid #6f6f6a;border-radius:4px}
button{margin-top:1.5rem;font:inherit;font-weight:600;color:#fff;background:#1f6f3f;border:0;border-radius:4px;padding:.75rem 1.5rem;cursor:pointer;box-shadow:0 2px 0 #0e3b20}
button:hover{background:#17592f}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0;white-space:nowrap}
footer{margin-top:2rem;color:#4a4a4a;font-size:.9375rem}
`;

const LAYOUT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{title}}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main id="main">
{{> @partial-block}}
</main>
</body>
</html>
`;

// A hash rather than 'unsafe-inline': only this stylesheet applies, and no script runs at all.
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  // Pages carry secrets (a rater link's in its URL, a sign-in form): no caches, no Referer to anywhere, no search engine.
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/** Own Handlebars instance with the page layout; `{{…}}` escapes HTML, and strict mode makes a missing field throw. */
export const pages = Handlebars.create();
pages.registerPartial('layout', LAYOUT);

export function compilePage<T>(source: string): (model: T) => string {
  return pages.compile<T>(source, { strict: true });
}

/** Sends a page: HTML for people, with headers that keep what it carries to this page. */
export function sendPage(res: Response, status: number, html: string): void {
  res.status(status).set(SECURITY_HEADERS).type('text/html; charset=utf-8').send(html);
}
