import type { components } from '#api-client';
import { formatDay } from '../../ui/format-date';

type Portfolio = components['schemas']['Portfolio'];

/** Codes as people read them: "infant_family_work" → "infant family work". */
export const words = (code: string): string => code.replaceAll('_', ' ');

const total = (rows: { hours: number }[] | undefined): number => (rows ?? []).reduce((sum, r) => sum + r.hours, 0);

/** The portfolio as the applicant documented it, read-only, section by section. */
export function PortfolioSummary({ portfolio }: { portfolio: Portfolio }) {
  const { education = [], work = [], trainings = [], rsc = [], agreements, membership } = portfolio;
  return (
    <section aria-labelledby="portfolio-heading">
      <h2 id="portfolio-heading">Portfolio</h2>
      <h3>Education</h3>
      {education.length === 0 ? (
        <p className="muted">None entered.</p>
      ) : (
        <ul>
          {education.map((e, i) => (
            <li key={i}>
              {words(e.level)}
              {e.field ? ` in ${e.field}` : ''}
              {e.institution ? `, ${e.institution}` : ''}
              {e.completedOn ? ` (${formatDay(e.completedOn)})` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Work experience</h3>
      {work.length === 0 ? (
        <p className="muted">None entered.</p>
      ) : (
        <ul>
          {work.map((w, i) => (
            <li key={i}>
              {w.role} at {w.employer}, {formatDay(w.startedOn)} to {w.endedOn ? formatDay(w.endedOn) : 'now'}
              {w.paid ? ', paid' : ', unpaid'}
              {w.infantFamilyWork ? ', with infants and families' : ''}
              {w.familiesServed !== undefined ? `, ${w.familiesServed} families` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Training ({total(trainings)} hours)</h3>
      {trainings.length === 0 ? (
        <p className="muted">None entered.</p>
      ) : (
        <ul>
          {trainings.map((t, i) => (
            <li key={i}>
              {t.title}, {t.provider}, {formatDay(t.date)}: {t.hours} hours
              {t.dei ? ' · diversity, equity and inclusion' : ''}
              {t.rsc ? ' · about reflective supervision' : ''}
              {t.competencyAreas.length > 0 && <span className="muted"> · covers {t.competencyAreas.map(words).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Reflective supervision/consultation ({total(rsc)} hours)</h3>
      {rsc.length === 0 ? (
        <p className="muted">None entered.</p>
      ) : (
        <ul>
          {rsc.map((r, i) => (
            <li key={i}>
              {r.provider}
              {r.providerCredential ? ` (${r.providerCredential})` : ''}: {r.hours} hours from {formatDay(r.startedOn)}
              {r.endedOn ? ` to ${formatDay(r.endedOn)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Agreements and membership</h3>
      <ul>
        <li>Code of Ethics: {agreements?.codeOfEthicsSignedAt ? `signed ${formatDay(agreements.codeOfEthicsSignedAt)}` : 'not signed'}</li>
        <li>Endorsement Agreement: {agreements?.endorsementAgreementSignedAt ? `signed ${formatDay(agreements.endorsementAgreementSignedAt)}` : 'not signed'}</li>
        <li>Membership: {membership ? `${membership.association}${membership.validUntil ? `, valid until ${formatDay(membership.validUntil)}` : ''}` : 'not entered'}</li>
      </ul>
    </section>
  );
}
