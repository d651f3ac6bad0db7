import { compilePage } from '../pages/page-layout.js';

interface ErrorModel {
  title: string;
  heading: string;
  reason: string;
  advice: string;
}

const render = compilePage<ErrorModel>(`{{#> layout title=title}}
<h1>{{heading}}</h1>
<p class="lead">{{reason}}</p>
<p>{{advice}}</p>
<p>If the problem continues, please contact the association that asked you for the reference.</p>
{{/layout}}`);

const TRY_AGAIN_LATER =
  'Please open your link again in a few minutes. If you were sending the form and it appears again, it was not saved: please fill it in once more. If the page says the link has been used, your reference arrived.';

const PAGES = {
  unavailable: {
    title: 'Service temporarily unavailable',
    heading: 'Sorry, the service is unavailable right now',
    reason: 'We could not reach our records just now.',
    advice: TRY_AGAIN_LATER,
  },
  ours: {
    title: 'Something went wrong',
    heading: 'Sorry, something went wrong',
    reason: 'The problem is on our side and has been logged.',
    advice: TRY_AGAIN_LATER,
  },
  // Text with an invisible control character (pasted from another program, say) that we cannot keep.
  unreadable: {
    title: 'The form could not be read',
    heading: 'Sorry, we could not read the form',
    reason: 'What was sent contains a hidden character that we cannot save, so nothing was saved.',
    advice:
      'If you were sending the form, please go back, type your comments again instead of pasting them, and send it once more. Otherwise, please open the link from your email again.',
  },
} satisfies Record<string, ErrorModel>;

/** A kind page instead of a problem+json body: our fault (unavailable, ours), or a form we cannot store (unreadable). */
export function renderRaterErrorPage(kind: keyof typeof PAGES): string {
  return render(PAGES[kind]);
}

/** Throttled (429): too many requests from the rater's connection; the same advice to open the link again. */
export function renderRaterBusyPage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds === 1 ? '1 second' : `${retryAfterSeconds} seconds`;
  return render({
    title: 'Too many requests',
    heading: 'Please wait a moment',
    reason: `We received many requests from your connection in a short time, so we are pausing them for ${wait}.`,
    advice: `Please open your link again after ${wait}. If you were sending the form, it was not saved: please fill it in once more. If the page then says the link has been used, your reference arrived.`,
  });
}
