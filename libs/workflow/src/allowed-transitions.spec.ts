import { describe, expect, test } from '@jest/globals';
import { allowedTransitions } from './index.js';

describe('allowedTransitions', () => {
  test("a coordinator's events from a state, each saying whether it needs a reason", () => {
    expect(allowedTransitions('submitted', 'coordinator')).toEqual([
      { event: 'begin_reference_checks', reasonRequired: false },
      { event: 'hold', reasonRequired: true },
      { event: 'withdraw', reasonRequired: false },
    ]);
    expect(allowedTransitions('on_hold', 'coordinator')).toEqual([
      { event: 'resume', reasonRequired: false },
      { event: 'withdraw', reasonRequired: false },
    ]);
  });

  test('the panel outcomes that ask for a reason (defer, deny) say so; a role without events gets none', () => {
    expect(allowedTransitions('panel_review', 'administrator')).toEqual(
      expect.arrayContaining([
        { event: 'panel_endorse', reasonRequired: false },
        { event: 'panel_defer', reasonRequired: true },
        { event: 'panel_deny', reasonRequired: true },
      ]),
    );
    expect(allowedTransitions('panel_review', 'exam_reviewer')).toEqual([]);
    expect(allowedTransitions('withdrawn', 'administrator')).toEqual([]);
  });
});
