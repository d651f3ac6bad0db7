import { expect } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { Portal } from './portal.js';

/** Setup, not a page: the calendar moves past the application's sitting, so its paper can be scored. */
export async function sittingTookPlace(ds: DataSource, applicationId: string): Promise<void> {
  await ds.query(
    `UPDATE exam_windows SET sits_on = current_date - 1, registration_closes_at = now() - interval '2 days' WHERE id = (SELECT window_id FROM exam_attempts WHERE application_id = $1)`,
    [applicationId],
  );
  await ds.query(`UPDATE exam_attempts SET sat_on = current_date - 1 WHERE application_id = $1`, [applicationId]);
}

export interface PaperScores {
  /** The paper's candidate code: all the exam reviewer is shown of the candidate. */
  candidateCode: string;
  /** The candidate's name, which no page of the scoring may show. */
  candidateName: string;
  /** How many part 2 scores are in before this reviewer's. */
  scoresIn: number;
  /** Part 1's result, for the reviewer who records it. */
  part1?: number;
  part2: number;
}

/**
 * An exam reviewer, signed in on "Papers to score", scores a paper blind: opens it by its candidate
 * code, records part 1 (when given) and their own part 2 score. Every page passes axe, and none names
 * the candidate. Resolves once the page shows the score in or, for the last score needed, the result decided.
 */
export async function scorePaper(reviewer: Portal, scores: PaperScores): Promise<void> {
  const { page } = reviewer;
  await reviewer.onPage('Papers to score');
  expect(await reviewer.accessibilityViolations()).toEqual([]);
  await page.getByRole('link', { name: `Candidate ${scores.candidateCode}` }).click();
  await reviewer.onPage('Score a paper');
  const tally = await page.getByText(new RegExp(`\\b${scores.scoresIn} of \\d+ reviewers’ scores are in\\.`)).textContent();
  const scoresNeeded = Number(/of (\d+)/.exec(tally!)![1]);
  expect(await reviewer.accessibilityViolations()).toEqual([]);
  if (scores.part1 !== undefined) {
    await page.getByLabel('Part 1 result (percent of answers correct)').fill(String(scores.part1));
    await page.getByRole('button', { name: 'Record part 1' }).click();
    await page.getByText('Part 1’s result is recorded.').waitFor();
  }
  await page.getByLabel('Your part 2 score (percent)').fill(String(scores.part2));
  await page.getByRole('button', { name: 'Record my part 2 score' }).click();
  await page.getByText(scores.scoresIn + 1 === scoresNeeded ? 'the result is decided' : `Your score: ${scores.part2}%.`).waitFor();
  expect(await page.locator('main').textContent()).not.toContain(scores.candidateName);
  expect(await reviewer.accessibilityViolations()).toEqual([]);
}
