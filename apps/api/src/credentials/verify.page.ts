import type { EndorsementCheck } from '#endorsement';
import { compilePage } from '../pages/page-layout.js';

interface CheckModel extends EndorsementCheck {
  title: string;
  active: boolean;
  checkedAt: string;
}

const renderFound = compilePage<CheckModel>(`{{#> layout title=title}}
<p class="association">{{association.name}}</p>
<h1>Endorsement {{endorsementNumber}}</h1>
{{#if active}}
<p class="note lead"><strong>Active:</strong> this Endorsement is in good standing today.</p>
{{else}}
<p class="error-summary lead"><strong>Lapsed:</strong> this Endorsement is not in good standing today.</p>
{{/if}}
<dl>
<dt>Held by</dt><dd>{{holderName}}</dd>
<dt>Category</dt><dd>{{categoryName}}</dd>
<dt>Status</dt><dd>{{#if active}}Active{{else}}Lapsed{{/if}}</dd>
</dl>
<footer>Checked {{checkedAt}} (UTC). The status is read from the association's records at the moment this page is opened.</footer>
{{/layout}}`);

const renderMissing = compilePage<{ heading: string; reason: string }>(`{{#> layout title=heading}}
<h1>{{heading}}</h1>
<p class="lead">{{reason}}</p>
<p>Check the number as it is written on the certificate, or ask the holder's association.</p>
{{/layout}}`);

/** The public check as a page: holder, category and whether the endorsement stands today. */
export function renderVerifyPage(check: EndorsementCheck, now: Date): string {
  return renderFound({
    ...check,
    title: `Endorsement ${check.endorsementNumber}`,
    active: check.status === 'active',
    checkedAt: now.toISOString().slice(0, 16).replace('T', ' '),
  });
}

/** No endorsement for this address (unknown or malformed number alike), or the check is busy. */
export function renderVerifyProblemPage(kind: 'not_found' | 'busy' | 'unavailable'): string {
  return renderMissing(
    {
      not_found: { heading: 'No endorsement found', reason: 'No endorsement has this number.' },
      busy: { heading: 'Please wait a moment', reason: 'We received many checks from your connection in a short time. Please try again in a minute.' },
      unavailable: {
        heading: 'Sorry, the check is unavailable right now',
        reason: 'We could not reach our records just now. Please try again in a few minutes.',
      },
    }[kind],
  );
}
