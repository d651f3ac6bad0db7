import { Form } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import type { components } from '#api-client';
import { Page } from '../../app/page';
import { Button } from '../../ui/button';
import { formatDay } from '../../ui/format-date';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { NumberField } from '../../ui/number-field';
import { QueryState } from '../../ui/query-state';
import { useSubmit } from '../../ui/use-submit';
import { useExamPaper, useScorePaper } from './use-exam';

type Paper = components['schemas']['ExamPaper'];

/** One paper, by candidate code: part 1's result (once), and this exam reviewer's part 2 score. */
export function ExamPaperPage() {
  const { paperId = '' } = useParams();
  const paper = useExamPaper(paperId);
  return (
    <Page title="Score a paper">
      <QueryState query={paper}>{(data) => <PaperBody paper={data} />}</QueryState>
      <p>
        <Link to="/staff/exam/papers">All papers to score</Link>
      </p>
    </Page>
  );
}

function PaperBody({ paper }: { paper: Paper }) {
  const part1 = useScorePaper(paper.paperId, 'part1');
  const part2 = useScorePaper(paper.paperId, 'part2-scores');
  const decided = part1.data?.decided || part2.data?.decided;
  return (
    <>
      <p>
        Candidate <strong>{paper.candidateCode}</strong>, {paper.category}, sat on {formatDay(paper.window.sitsOn)} {paper.window.online ? 'online' : paper.window.location ? `in ${paper.window.location}` : ''}.
      </p>
      {decided && <Notice tone="success">Both parts are in: the result is decided, and the candidate is told by email.</Notice>}
      <h2>Part 1: multiple choice</h2>
      {paper.part1.recorded ? <p>Part 1’s result is recorded.</p> : <ScoreForm label="Part 1 result (percent of answers correct)" action="Record part 1" score={part1} />}
      <h2>Part 2: vignettes</h2>
      <p>
        {paper.part2.scoresIn} of {paper.part2.scoresNeeded} reviewers’ scores are in.
      </p>
      {paper.part2.yourScore !== null ? <p>Your score: {paper.part2.yourScore}%.</p> : <ScoreForm label="Your part 2 score (percent)" action="Record my part 2 score" score={part2} />}
    </>
  );
}

function ScoreForm({ label, action, score }: { label: string; action: string; score: ReturnType<typeof useScorePaper> }) {
  const submit = useSubmit(async (fields) => {
    await score.mutateAsync(Number(fields.percent));
  });
  return (
    <Form className="form" onSubmit={submit.onSubmit} validationErrors={submit.validationErrors}>
      <NumberField name="percent" label={label} minValue={0} maxValue={100} isRequired />
      <FormError problem={submit.problem} />
      <Button type="submit" isPending={submit.pending}>
        {action}
      </Button>
    </Form>
  );
}
