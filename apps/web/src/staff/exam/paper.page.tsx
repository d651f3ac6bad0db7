import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { components } from '#api-client';
import { Page } from '../../app/page';
import { Button } from '../../ui/button';
import { dayInWords } from '../../ui/dates-in-words';
import { Form } from '../../ui/form';
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
  // Kept here: a decided paper leaves the exam reviewers' list, so it no longer loads.
  const [decided, setDecided] = useState(false);
  return (
    <Page title="Score a paper">
      {decided ? (
        <Notice tone="success">Both parts are in: the result is decided, and the candidate is told by email.</Notice>
      ) : (
        <QueryState query={paper}>{(data) => <PaperBody paper={data} onDecided={() => setDecided(true)} />}</QueryState>
      )}
      <p>
        <Link to="/staff/exam/papers">All papers to score</Link>
      </p>
    </Page>
  );
}

function PaperBody({ paper, onDecided }: { paper: Paper; onDecided: () => void }) {
  const part1 = useScorePaper(paper.paperId, 'part1');
  const part2 = useScorePaper(paper.paperId, 'part2-scores');
  return (
    <>
      <p>
        Candidate <strong>{paper.candidateCode}</strong>, {paper.category}, sat on {dayInWords(paper.window.sitsOn)}{' '}
        {paper.window.online ? 'online' : paper.window.location ? `in ${paper.window.location}` : ''}.
      </p>
      <h2>Part 1: multiple choice</h2>
      {paper.part1.recorded ? (
        <p>Part 1’s result is recorded.</p>
      ) : (
        <ScoreForm label="Part 1 result (percent of answers correct)" action="Record part 1" score={part1} onDecided={onDecided} />
      )}
      <h2>Part 2: vignettes</h2>
      <p>
        {paper.part2.scoresIn} of {paper.part2.scoresNeeded} reviewers’ scores are in.
      </p>
      {paper.part2.yourScore !== null ? (
        <p>Your score: {paper.part2.yourScore}%.</p>
      ) : (
        <ScoreForm label="Your part 2 score (percent)" action="Record my part 2 score" score={part2} onDecided={onDecided} />
      )}
    </>
  );
}

function ScoreForm({ label, action, score, onDecided }: { label: string; action: string; score: ReturnType<typeof useScorePaper>; onDecided: () => void }) {
  const submit = useSubmit(async (fields) => {
    if ((await score.mutateAsync(Number(fields.percent))).decided) onDecided();
  });
  return (
    <Form className="form" {...submit.formProps}>
      <NumberField name="percent" label={label} minValue={0} maxValue={100} isRequired />
      <FormError problem={submit.problem} />
      <Button type="submit" isPending={submit.pending}>
        {action}
      </Button>
    </Form>
  );
}
