import type { components } from '#api-client';
import { dayInWords, momentDayInWords } from '../../ui/dates-in-words';
import { words } from '../staff-words';

type Portfolio = components['schemas']['Portfolio'];
type EligibilityGap = components['schemas']['EligibilityGap'];

const total = (rows: { hours: number }[]): number => rows.reduce((sum, r) => sum + r.hours, 0);

/**
 * The portfolio as the applicant documented it, read-only, section by section, for staff (the
 * application page, with what the category still lacks) and reviewers (the review page).
 */
export function PortfolioView({ portfolio, eligibilityGaps }: { portfolio: Portfolio; eligibilityGaps?: EligibilityGap[] }) {
  const { education = [], work = [], trainings = [], rsc = [], agreements, membership } = portfolio;
  return (
    <section aria-labelledby="portfolio-heading">
      <h2 id="portfolio-heading">Portfolio</h2>
      {eligibilityGaps && (
        <>
          <h3>Eligibility</h3>
          {eligibilityGaps.length === 0 ? (
            <p className="ok-line">Meets every requirement of the category.</p>
          ) : (
            <div className="notice notice-warning">
              <p>Not met yet:</p>
              <ul>
                {eligibilityGaps.map((gap) => (
                  <li key={gap.code + gap.message}>{gap.message}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
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
              {e.completedOn ? ` (${dayInWords(e.completedOn)})` : ''}
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
              {w.role} at {w.employer}, {dayInWords(w.startedOn)} to {w.endedOn ? dayInWords(w.endedOn) : 'now'}
              {w.paid ? ', paid' : ', unpaid'}
              {w.infantFamilyWork ? ', with infants and families' : ''}
              {w.familiesServed !== undefined ? `, ${w.familiesServed} families` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>
        Training ({trainings.length} {trainings.length === 1 ? 'entry' : 'entries'}, {total(trainings)} hours)
      </h3>
      {trainings.length === 0 ? (
        <p className="muted">None entered.</p>
      ) : (
        <ul>
          {trainings.map((t, i) => (
            <li key={i}>
              {t.title}, {t.provider}, {dayInWords(t.date)}: {t.hours} hours
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
              {r.providerCredential ? ` (${r.providerCredential})` : ''}: {r.hours} hours, {dayInWords(r.startedOn)} to {dayInWords(r.endedOn)}
            </li>
          ))}
        </ul>
      )}
      <h3>Agreements and membership</h3>
      <ul>
        <li>Code of Ethics: {agreements?.codeOfEthicsSignedAt ? `signed ${momentDayInWords(agreements.codeOfEthicsSignedAt)}` : 'not signed'}</li>
        <li>
          Endorsement Agreement:{' '}
          {agreements?.endorsementAgreementSignedAt ? `signed ${momentDayInWords(agreements.endorsementAgreementSignedAt)}` : 'not signed'}
        </li>
        <li>
          Membership:{' '}
          {membership
            ? `${membership.association}${membership.memberId ? ` ${membership.memberId}` : ''}${membership.validUntil ? `, valid until ${dayInWords(membership.validUntil)}` : ''}`
            : 'not entered'}
        </li>
      </ul>
    </section>
  );
}
