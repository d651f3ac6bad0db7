import { expect } from '@jest/globals';
import type { Portal } from './portal.js';

export interface EndorseVote {
  /** The applicant, whom the review page names. */
  applicantName: string;
  /** The framework's competency domains: the checklist asks about each. */
  domains: readonly { label: string }[];
  notes: string;
  /** What the page says once the vote is in. */
  answer: string;
}

/**
 * A reviewer, signed in on an application's review page, votes with the mouse to endorse: every
 * competency domain met, and a note for the panel. The page passes axe before and after the vote.
 */
export async function voteToEndorse(reviewer: Portal, vote: EndorseVote): Promise<void> {
  const { page } = reviewer;
  await reviewer.onPage('Review a portfolio');
  await page.getByText(vote.applicantName).first().waitFor();
  expect(await reviewer.accessibilityViolations()).toEqual([]);
  for (const domain of vote.domains) await page.getByRole('radiogroup', { name: domain.label }).getByText('Met', { exact: true }).click();
  await page.getByRole('radiogroup', { name: 'Your recommendation' }).getByText('Endorse', { exact: true }).click();
  await page.getByLabel('Notes for the panel (optional)').fill(vote.notes);
  await page.getByRole('button', { name: 'Cast my vote' }).click();
  await page.getByText(vote.answer).waitFor();
  expect(await reviewer.accessibilityViolations()).toEqual([]);
}
