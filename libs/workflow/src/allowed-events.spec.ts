import { describe, expect, test } from '@jest/globals';
import { allowedEvents } from './index.js';

describe('allowedEvents', () => {
  test('lists what the state accepts, in table order', () => {
    expect(allowedEvents('panel_review')).toEqual(['panel_endorse', 'panel_defer', 'panel_deny', 'panel_escalate', 'hold', 'withdraw']);
    expect(allowedEvents('renewal_due')).toEqual(['renew', 'lapse']);
  });

  test('an alternative event (fail_exam) is listed once', () => {
    expect(allowedEvents('exam')).toEqual(['pass_exam', 'fail_exam', 'expire_exam_approval', 'hold', 'withdraw']);
  });

  test('narrows to a role', () => {
    expect(allowedEvents('panel_review', 'applicant')).toEqual(['withdraw']);
    expect(allowedEvents('panel_review', 'reviewer')).toEqual(['panel_endorse', 'panel_defer', 'panel_deny', 'panel_escalate']);
    expect(allowedEvents('reference_checks', 'system')).toEqual(['complete_references']);
    expect(allowedEvents('draft', 'system')).toEqual([]);
  });

  test('terminal states allow nothing, for anyone', () => {
    expect(allowedEvents('withdrawn')).toEqual([]);
    expect(allowedEvents('denied')).toEqual([]);
  });
});
