import { describe, expect, test } from '@jest/globals';
import { panelOutcome, panelVotesPayload } from './panel-outcome.js';

describe('panelOutcome', () => {
  test('one vote decides nothing', () => {
    expect(panelOutcome([{ recommendation: 'endorse', notes: null }])).toBeNull();
  });

  test('agreement fires the shared recommendation, the notes (once each) being the reason', () => {
    expect(
      panelOutcome([
        { recommendation: 'endorse', notes: null },
        { recommendation: 'endorse', notes: ' ' },
      ]),
    ).toEqual({ event: 'panel_endorse', reason: undefined });
    expect(
      panelOutcome([
        { recommendation: 'defer', notes: 'Add your RSC hours.' },
        { recommendation: 'defer', notes: ' Add your RSC hours. ' },
      ]),
    ).toEqual({ event: 'panel_defer', reason: 'Add your RSC hours.' });
    expect(
      panelOutcome([
        { recommendation: 'deny', notes: 'A' },
        { recommendation: 'deny', notes: 'B' },
      ]),
    ).toEqual({ event: 'panel_deny', reason: 'A\n\nB' });
  });

  test('disagreement escalates, naming the recommendations but not the notes', () => {
    const outcome = panelOutcome([
      { recommendation: 'endorse', notes: 'Lovely.' },
      { recommendation: 'deny', notes: 'Not with infants.' },
    ]);
    expect(outcome).toEqual({ event: 'panel_escalate', reason: 'The reviewers disagree: endorse and deny.' });
  });

  test("the outcome's audit payload: each vote's reviewer, recommendation and time, in order, without the notes", () => {
    const votes = [
      { reviewerId: 'r-1', recommendation: 'endorse', notes: 'Lovely.', votedAt: new Date('2026-03-01T09:00:00Z') },
      { reviewerId: 'r-2', recommendation: 'deny', notes: 'Not with infants.', votedAt: new Date('2026-03-02T10:30:00Z') },
    ] as const;
    expect(panelVotesPayload(2, votes)).toEqual({
      round: 2,
      votes: [
        { reviewerId: 'r-1', recommendation: 'endorse', votedAt: '2026-03-01T09:00:00.000Z' },
        { reviewerId: 'r-2', recommendation: 'deny', votedAt: '2026-03-02T10:30:00.000Z' },
      ],
    });
  });
});
