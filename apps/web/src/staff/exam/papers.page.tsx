import { Link } from 'react-router';
import { Page } from '../../app/page';
import { dayInWords } from '../../ui/dates-in-words';
import { QueryState } from '../../ui/query-state';
import { useExamPapers } from './use-exam';

/** Papers waiting to be scored, by candidate code only: scoring is blind. */
export function ExamPapersPage() {
  const papers = useExamPapers();
  return (
    <Page title="Papers to score">
      <p>Each paper is known only by its candidate code, so scoring stays blind.</p>
      <QueryState query={papers}>
        {({ papers: list }) =>
          list.length === 0 ? (
            <p>No paper is waiting to be scored.</p>
          ) : (
            <ul className="cards">
              {list.map((p) => (
                <li key={p.paperId} className="card">
                  <Link to={`/staff/exam/papers/${p.paperId}`}>Candidate {p.candidateCode}</Link>
                  <p className="muted">
                    {p.category}, sat on {dayInWords(p.window.sitsOn)} · part 1 {p.part1.recorded ? 'recorded' : 'to record'} · part 2: {p.part2.scoresIn} of{' '}
                    {p.part2.scoresNeeded} scores
                    {p.part2.yourScore !== null ? ' (yours is in)' : ''}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
