import { addMonths, formatDay, monthsBetween, parseDay } from '../calendar.js';
import type { EligibilityContext } from '../eligibility-context.js';
import type { EligibilityGap } from '../eligibility-gap.types.js';
import { joinOr, moreHours, round, sumHours, whenShort } from '../quantities.js';
import { RSC } from '../rsc-term.js';

/**
 * Reflective supervision/consultation received. With a window {minMonths, maxMonths}, an entry
 * counts when it ended within the last maxMonths (ending on the first day of that period counts),
 * and the counted entries, from the earliest start to the latest end, must span at least minMonths.
 * With allowed provider credentials, only entries from such providers count. Hours outside the
 * window or from other providers are reported only when the counted hours fall short.
 */
export function checkRsc({ portfolio, snapshot, rules, today, name }: EligibilityContext): EligibilityGap[] {
  const rule = rules.rsc;
  if (!rule) return [];
  const windowStart = rule.window ? addMonths(today, -rule.window.maxMonths) : -Infinity;
  const inWindow = portfolio.rsc.filter((entry) => parseDay(entry.endedOn) >= windowStart);
  const allowed = rule.allowedProviderCredentials;
  const counted = inWindow.filter((entry) => !allowed || allowed.includes(entry.providerCredential ?? ''));
  const hours = sumHours(counted.map((entry) => entry.hours));
  const outsideHours = round(sumHours(portfolio.rsc.map((e) => e.hours)) - sumHours(inWindow.map((e) => e.hours)));
  const unqualifiedHours = round(sumHours(inWindow.map((e) => e.hours)) - hours);

  const gaps = whenShort(
    'rsc_hours_short',
    hours,
    rule.hours,
    (actual, required, missing) =>
      `You have ${actual} of the ${required} hours of ${RSC} that ${name} requires` +
      (rule.window ? ` within the last ${rule.window.maxMonths} months` : '') +
      `. You need ${moreHours(missing)}.`,
  );
  if (gaps.length > 0 && outsideHours > 0 && rule.window) {
    gaps.push({
      code: 'rsc_outside_window',
      message: `${outsideHours} of your hours of ${RSC} ended more than ${rule.window.maxMonths} months ago, ` + 'so they do not count.',
      details: { hours: outsideHours, maxMonths: rule.window.maxMonths, windowStart: formatDay(windowStart) },
    });
  }
  if (gaps.length > 0 && unqualifiedHours > 0 && allowed) {
    const names = allowed.map((credential) => snapshot.credentialNames[credential] ?? credential);
    gaps.push({
      code: 'rsc_provider_not_qualified',
      message: `${unqualifiedHours} of your hours of ${RSC} are from providers not endorsed as ` + `${joinOr(names)}, so they do not count.`,
      details: { hours: unqualifiedHours, allowedProviderCredentials: allowed },
    });
  }
  if (rule.window && counted.length > 0) {
    const start = Math.min(...counted.map((e) => parseDay(e.startedOn)));
    const end = Math.max(...counted.map((e) => parseDay(e.endedOn)));
    gaps.push(
      ...whenShort(
        'rsc_span_short',
        round(monthsBetween(start, end + 1)),
        rule.window.minMonths,
        (actual, required) => `Your ${RSC} extends over ${actual} months; ${name} requires at least ${required}.`,
      ),
    );
  }
  gaps.push(
    ...whenShort(
      'rsc_about_rsc_given_short',
      sumHours(counted.filter((e) => e.aboutRscGiven).map((e) => e.hours)),
      rule.aboutRscGivenHours,
      (actual, required, missing) =>
        `You have ${actual} of the ${required} hours of ${RSC} about the supervision you provide ` + `that ${name} requires. You need ${moreHours(missing)}.`,
    ),
  );
  return gaps;
}
