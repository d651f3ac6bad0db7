import { compilePage } from '../pages/page-layout.js';

interface ErrorModel {
  title: string;
  heading: string;
  reason: string;
}

const render = compilePage<ErrorModel>(`{{#> layout title=title}}
<h1>{{heading}}</h1>
<p class="lead">{{reason}}</p>
<p>Please open your link again in a few minutes. If you were sending the form and it appears again, it was not saved: please fill it in once more. If the page says the link has been used, your reference arrived.</p>
<p>If the problem continues, please contact the association that asked you for the reference.</p>
{{/layout}}`);

/** Throttled (429): too many requests from the rater's connection; the same advice to open the link again. */
export function renderRaterBusyPage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds === 1 ? '1 second' : `${retryAfterSeconds} seconds`;
  return render({
    title: 'Too many requests',
    heading: 'Please wait a moment',
    reason: `We received many requests from your connection in a short time, so we are pausing them for ${wait}.`,
  });
}

/** Our fault, not the rater's: a kind page instead of a problem+json body. */
export function renderRaterErrorPage(unavailable: boolean): string {
  return unavailable
    ? render({ title: 'Service temporarily unavailable', heading: 'Sorry, the service is unavailable right now', reason: 'We could not reach our records just now.' })
    : render({ title: 'Something went wrong', heading: 'Sorry, something went wrong', reason: 'The problem is on our side and has been logged.' });
}
