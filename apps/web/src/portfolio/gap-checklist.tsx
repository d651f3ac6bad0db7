import { Link } from 'react-router';
import { SECTIONS, sectionOfGap, type Application } from './sections';

/** What the application still lacks, as the API says after each save; each item links to its section. */
export function GapChecklist({ gaps }: { gaps: Application['eligibilityGaps'] }) {
  return (
    <section aria-labelledby="gaps-heading" className="gaps">
      <h2 id="gaps-heading">Before you can submit</h2>
      <div aria-live="polite">
        {gaps.length === 0 ? (
          <p className="gaps-done">Your portfolio has everything your category asks for. You can submit it.</p>
        ) : (
          <>
            <p>{gaps.length === 1 ? 'One thing is still missing:' : `${gaps.length} things are still missing:`}</p>
            <ul>
              {gaps.map((gap, i) => {
                const section = SECTIONS.find((s) => s.key === sectionOfGap(gap))!;
                return (
                  <li key={`${gap.code}-${i}`}>
                    {gap.message} <Link to={`?section=${section.key}`}>Go to {section.title.toLowerCase()}</Link>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
