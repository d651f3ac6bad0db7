import type { RateReferenceResult } from '#endorsement';
import { compilePage } from '../pages/page-layout.js';

type ThanksModel = RateReferenceResult & { title: string; counts: boolean };

const render = compilePage<ThanksModel>(`{{#> layout title=title}}
<p class="association">{{associationName}}</p>
<h1>Thank you</h1>
<p class="lead">Your reference for {{applicantName}} has been received by {{associationName}}.</p>
{{#unless counts}}
<p>You chose “not enough information to rate” for many of the statements, so this form cannot count toward the Endorsement, and we are asking {{applicantName}} to name another rater. That is fine: thank you for being honest about what you have seen.</p>
{{/unless}}
<p>You do not need to do anything else, and you can close this page. The form can be sent only once: if you open your link again, it will tell you that your reference has been sent.</p>
<footer>
<p>Questions? Write to {{associationName}} at <a href="mailto:{{associationEmail}}">{{associationEmail}}</a>.</p>
</footer>
{{/layout}}`);

/** After a form was sent: thanks, whether or not it could count. */
export function renderThanksPage(result: RateReferenceResult): string {
  return render({ ...result, title: `Thank you – ${result.associationName}`, counts: result.status === 'rated' });
}
