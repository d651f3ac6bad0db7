import { momentInWords } from '../../ui/dates-in-words';
import { QueryState } from '../../ui/query-state';
import { eventLabel, STATE_NAMES } from '../staff-words';
import { useTimeline } from './use-staff-application';

const ACTIVITY_WORDS = {
  claimed: 'claimed it',
  assigned: 'gave it to',
  unassigned: 'gave it back',
  panel_assigned: 'seated the panel:',
  rater_replaced: 'gave a new address to the rater',
} as const;
const stateName = (s: string) => STATE_NAMES[s as keyof typeof STATE_NAMES] ?? s;

/** The audit trail in time order: every step with who took it and why, and every hand-over. */
export function TimelineSection({ applicationId }: { applicationId: string }) {
  const timeline = useTimeline(applicationId);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">History</h2>
      <QueryState query={timeline}>
        {({ events, activities }) => {
          const entries = [
            ...events.map((e) => ({
              at: e.occurredAt,
              key: `e${e.version}`,
              text: `${e.actor.name ?? e.actor.role}: ${eventLabel(e.event)} (${stateName(e.from)} → ${stateName(e.to)})`,
              reason: e.reason,
            })),
            ...activities.map((a, i) => ({
              at: a.occurredAt,
              key: `a${i}`,
              text: `${a.actor.name ?? 'Someone'} ${ACTIVITY_WORDS[a.kind]} ${a.reference ? a.reference.raterName : a.kind === 'claimed' ? '' : a.accounts.map((p) => p.name ?? 'someone').join(' and ')}`.trim(),
              reason: null,
            })),
          ].sort((x, y) => x.at.localeCompare(y.at));
          return entries.length === 0 ? (
            <p className="muted">Nothing has happened yet.</p>
          ) : (
            <ol className="timeline">
              {entries.map((entry) => (
                <li key={entry.key}>
                  <span className="muted">{momentInWords(entry.at)}</span> {entry.text}
                  {entry.reason && <div className="quote">“{entry.reason}”</div>}
                </li>
              ))}
            </ol>
          );
        }}
      </QueryState>
    </section>
  );
}
