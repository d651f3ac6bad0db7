import { describe, expect, test } from '@jest/globals';
import { decideTransition, replayEvents, type GuardFacts, type RecordedTransition, type Role } from './index.js';

const facts: GuardFacts = {
  eligibilityGapCount: 0,
  examRequired: true,
  referencesComplete: true,
  referenceRolesWithoutRater: [],
  exam: { part1Passed: false, part2Passed: true, retakesRemaining: 1, approvalExpired: false, attemptPending: false },
  amendedSinceDeferral: true,
  heldFrom: 'exam',
  reinstatement: false,
  reasonGiven: true,
  renewalRequirementsMet: true,
};

describe('replayEvents', () => {
  test('an empty log is a draft', () => {
    expect(replayEvents([])).toBe('draft');
  });

  test('the log written from decisions reproduces the final state', () => {
    // An IMHS-like journey: exam retake, a hold, a deferral, a lapse and a reinstatement without exam.
    const steps: [string, Role, Partial<GuardFacts>?][] = [
      ['submit', 'applicant'],
      ['begin_reference_checks', 'system'],
      ['approve_exam', 'coordinator'],
      ['fail_exam', 'exam_reviewer'],
      ['hold', 'coordinator'],
      ['resume', 'coordinator'],
      ['pass_exam', 'exam_reviewer', { exam: { ...facts.exam, part1Passed: true } }],
      ['panel_defer', 'system'],
      ['resubmit', 'applicant'],
      ['panel_endorse', 'system'],
      ['open_renewal', 'system'],
      ['lapse', 'system'],
      ['reinstate', 'applicant', { reinstatement: true }],
      ['complete_references', 'system', { reinstatement: true }],
      ['panel_endorse', 'administrator'],
    ];
    const log: RecordedTransition[] = [];
    let state = replayEvents(log);
    for (const [event, role, override] of steps) {
      const decision = decideTransition({ state, event, role, facts: { ...facts, ...override } });
      if (!decision.ok) throw new Error(`${event} from ${state}: ${decision.message}`);
      log.push({ event: decision.event, from: decision.from, to: decision.to });
      state = decision.to;
    }
    expect(state).toBe('endorsed');
    expect(log.map((e) => e.to)).toContain('lapsed');
    expect(replayEvents(log)).toBe('endorsed');
  });

  test('a gap in the log is reported with its position and both states', () => {
    const log: RecordedTransition[] = [
      { event: 'submit', from: 'draft', to: 'submitted' },
      { event: 'pass_exam', from: 'exam', to: 'panel_review' },
    ];
    expect(() => replayEvents(log)).toThrow('Audit event #1 ("pass_exam") starts from "exam", but replay reached "submitted".');
  });

  test('a log that does not start at draft is rejected', () => {
    expect(() => replayEvents([{ event: 'renew', from: 'renewal_due', to: 'endorsed' }])).toThrow(/#0/);
  });
});
