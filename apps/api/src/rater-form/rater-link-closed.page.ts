import type { RaterLinkProblem } from '#endorsement';
import { compilePage } from '../pages/page-layout.js';

interface ClosedModel {
  title: string;
  heading: string;
  reason: string;
}

// Names no one: the same page whoever's link it was, or whether it ever was one.
const render = compilePage<ClosedModel>(`{{#> layout title=title}}
<h1>{{heading}}</h1>
<p class="lead">{{reason}}</p>
<p>If you have been asked for a reference and still need to give it, please contact the association that asked you, or the person who asked you for the reference, and ask for a new link.</p>
{{/layout}}`);

const WORDING: Record<RaterLinkProblem, { status: number; heading: string; reason: string }> = {
  unknown: { status: 404, heading: 'This link does not work', reason: 'The reference link you followed is not valid, or it has been withdrawn.' },
  used: { status: 410, heading: 'This link has already been used', reason: 'A reference form can be sent only once, and this one has been sent. Thank you.' },
  expired: { status: 410, heading: 'This link has expired', reason: 'The reference link you followed is no longer valid.' },
};

/** The page and status for a link that no longer opens its form: 404 unknown or withdrawn, 410 used or expired. */
export function renderLinkClosedPage(problem: RaterLinkProblem): { status: number; html: string } {
  const { status, heading, reason } = WORDING[problem];
  return { status, html: render({ title: `${heading} – reference form`, heading, reason }) };
}
