import { describe, expect, test } from '@jest/globals';
import {
  APPLICATION_STATES,
  ROLES,
  TRANSITION_TABLE,
  WORKFLOW_EVENTS,
  decideTransition,
  type ApplicantEmailTemplate,
  type ApplicationState,
  type Effect,
  type GuardFacts,
  type Role,
  type TransitionDecision,
  type WorkflowEvent,
} from './index.js';

// Expectations are written out here, independently of TRANSITION_TABLE, so a wrong row fails a test.

type FactsOverride = Omit<Partial<GuardFacts>, 'exam'> & { exam?: Partial<GuardFacts['exam']> };

// Every guard holds, with an exam-free category (approve_exam and fail_exam override what they need).
const PASSING: GuardFacts = {
  eligibilityGapCount: 0,
  examRequired: false,
  referencesComplete: true,
  referenceRolesWithoutRater: [],
  exam: { part1Passed: true, part2Passed: true, retakesRemaining: 1, approvalExpired: false, attemptPending: false },
  amendedSinceDeferral: true,
  heldFrom: 'exam',
  reinstatement: false,
  reasonGiven: true,
  renewalRequirementsMet: true,
};

function facts(override: FactsOverride = {}): GuardFacts {
  return { ...PASSING, ...override, exam: { ...PASSING.exam, ...override.exam } };
}

function refusal<C extends 'event_not_allowed' | 'role_not_allowed' | 'guard_failed'>(
  decision: TransitionDecision,
  code: C,
): Extract<TransitionDecision, { code: C }> {
  expect(decision).toMatchObject({ ok: false, code });
  return decision as Extract<TransitionDecision, { code: C }>;
}

const mail = (template: ApplicantEmailTemplate): Effect => ({ type: 'email.applicant', template });

interface Expected {
  role: Role;
  facts?: FactsOverride;
  to: ApplicationState;
  effects: Effect[];
}

const HOLD: Expected = { role: 'coordinator', to: 'on_hold', effects: [mail('on_hold')] };
const WITHDRAW: Expected = {
  role: 'applicant',
  to: 'withdrawn',
  effects: [mail('withdrawn'), { type: 'reminders.cancel', scope: 'all' }],
};

const EXPECTED: Record<ApplicationState, Partial<Record<WorkflowEvent, Expected>>> = {
  draft: {
    submit: { role: 'applicant', to: 'submitted', effects: [mail('application_received')] },
    withdraw: WITHDRAW,
  },
  submitted: {
    begin_reference_checks: {
      role: 'system',
      to: 'reference_checks',
      effects: [{ type: 'references.request' }, mail('references_requested')],
    },
    hold: HOLD,
    withdraw: WITHDRAW,
  },
  reference_checks: {
    complete_references: {
      role: 'system',
      to: 'panel_review',
      effects: [mail('references_complete'), { type: 'reminders.cancel', scope: 'references' }],
    },
    approve_exam: {
      role: 'coordinator',
      facts: { examRequired: true },
      to: 'exam',
      effects: [mail('exam_approved'), { type: 'reminders.cancel', scope: 'references' }],
    },
    hold: HOLD,
    withdraw: WITHDRAW,
  },
  exam: {
    pass_exam: { role: 'exam_reviewer', to: 'panel_review', effects: [mail('exam_passed')] },
    fail_exam: {
      role: 'exam_reviewer',
      facts: { exam: { part2Passed: false } },
      to: 'exam',
      effects: [mail('exam_failed_retake')],
    },
    expire_exam_approval: {
      role: 'system',
      facts: { exam: { approvalExpired: true } },
      to: 'denied',
      effects: [mail('exam_approval_expired')],
    },
    hold: HOLD,
    withdraw: WITHDRAW,
  },
  panel_review: {
    panel_endorse: { role: 'system', to: 'endorsed', effects: [{ type: 'endorsement.issue' }, mail('endorsed')] },
    panel_defer: { role: 'reviewer', to: 'deferred', effects: [mail('deferred')] },
    panel_deny: { role: 'administrator', to: 'denied', effects: [mail('denied')] },
    panel_escalate: {
      role: 'system',
      to: 'panel_review',
      effects: [{ type: 'email.staff', template: 'panel_escalated', audience: 'administrator' }],
    },
    hold: HOLD,
    withdraw: WITHDRAW,
  },
  deferred: {
    resubmit: { role: 'applicant', to: 'panel_review', effects: [mail('resubmission_received')] },
    hold: HOLD,
    withdraw: WITHDRAW,
  },
  on_hold: {
    resume: { role: 'administrator', facts: { heldFrom: 'deferred' }, to: 'deferred', effects: [mail('resumed')] },
    withdraw: WITHDRAW,
  },
  endorsed: {
    open_renewal: { role: 'system', to: 'renewal_due', effects: [{ type: 'renewal.schedule' }, mail('renewal_open')] },
  },
  renewal_due: {
    renew: { role: 'system', to: 'endorsed', effects: [{ type: 'reminders.cancel', scope: 'renewal' }, mail('renewed')] },
    lapse: {
      role: 'system',
      to: 'lapsed',
      effects: [mail('lapsed'), { type: 'registry.remove' }, { type: 'reminders.cancel', scope: 'renewal' }],
    },
  },
  lapsed: {
    reinstate: {
      role: 'applicant',
      facts: { reinstatement: true },
      to: 'reference_checks',
      effects: [{ type: 'references.request' }, mail('reinstatement_started')],
    },
  },
  withdrawn: {},
  denied: {},
};

const EXPECTED_ROLES: Record<WorkflowEvent, Role[]> = {
  submit: ['applicant'],
  begin_reference_checks: ['coordinator', 'administrator', 'system'],
  complete_references: ['coordinator', 'administrator', 'system'],
  approve_exam: ['coordinator', 'administrator'],
  pass_exam: ['exam_reviewer', 'coordinator', 'administrator', 'system'],
  fail_exam: ['exam_reviewer', 'coordinator', 'administrator', 'system'],
  panel_endorse: ['reviewer', 'administrator', 'system'],
  panel_defer: ['reviewer', 'administrator', 'system'],
  panel_deny: ['reviewer', 'administrator', 'system'],
  panel_escalate: ['reviewer', 'system'],
  resubmit: ['applicant'],
  hold: ['coordinator', 'administrator'],
  resume: ['coordinator', 'administrator'],
  withdraw: ['applicant', 'coordinator', 'administrator'],
  open_renewal: ['system'],
  renew: ['coordinator', 'administrator', 'system'],
  lapse: ['system'],
  reinstate: ['applicant', 'coordinator', 'administrator'],
  expire_exam_approval: ['system'],
};

const pairs = APPLICATION_STATES.flatMap((state) => WORKFLOW_EVENTS.map((event) => [state, event] as const));
const allowedPairs = pairs.filter(([state, event]) => EXPECTED[state][event] !== undefined);
const refusedPairs = pairs.filter(([state, event]) => EXPECTED[state][event] === undefined);

describe('decideTransition: every (state, event) pair', () => {
  test('the expectations cover every state and event', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...APPLICATION_STATES].sort());
    expect(Object.keys(EXPECTED_ROLES).sort()).toEqual([...WORKFLOW_EVENTS].sort());
  });

  test.each(allowedPairs)('%s + %s reaches its target with exactly its effects', (state, event) => {
    const expected = EXPECTED[state][event]!;
    const decision = decideTransition({ state, event, role: expected.role, facts: facts(expected.facts) });
    expect(decision).toEqual({ ok: true, from: state, to: expected.to, event, effects: expected.effects });
  });

  test.each(refusedPairs)('%s + %s is refused as event_not_allowed', (state, event) => {
    for (const role of ROLES) {
      const decision = refusal(decideTransition({ state, event, role, facts: facts() }), 'event_not_allowed');
      expect([...decision.allowedEvents].sort()).toEqual(Object.keys(EXPECTED[state]).sort());
      expect(decision.message).toContain(`"${event}"`);
      expect(decision.message).toContain(`"${state}"`);
    }
  });

  test('an unknown event name is refused like any other', () => {
    const decision = refusal(decideTransition({ state: 'draft', event: 'approve_everything', role: 'administrator', facts: facts() }), 'event_not_allowed');
    expect(decision.allowedEvents).toEqual(['submit', 'withdraw']);
  });
});

describe('decideTransition: roles', () => {
  const cases = WORKFLOW_EVENTS.flatMap((event) => ROLES.map((role) => [event, role] as const));

  test.each(cases)('%s by %s', (event, role) => {
    const state = APPLICATION_STATES.find((s) => EXPECTED[s][event] !== undefined)!;
    const expected = EXPECTED[state][event]!;
    const decision = decideTransition({ state, event, role, facts: facts(expected.facts) });
    if (EXPECTED_ROLES[event].includes(role)) {
      expect(decision).toMatchObject({ ok: true, to: expected.to });
    } else {
      const refused = refusal(decision, 'role_not_allowed');
      expect([...refused.allowedRoles].sort()).toEqual([...EXPECTED_ROLES[event]].sort());
      expect(refused.message).toContain(`"${role}"`);
    }
  });

  test('the role is checked before guards, so a refused caller learns nothing about the facts', () => {
    const decision = decideTransition({
      state: 'draft',
      event: 'submit',
      role: 'reviewer',
      facts: facts({ eligibilityGapCount: 3 }),
    });
    refusal(decision, 'role_not_allowed');
  });
});

describe('decideTransition: guards', () => {
  const GUARD_CASES: { state: ApplicationState; event: WorkflowEvent; role: Role; facts: FactsOverride; failed: string[] }[] = [
    { state: 'draft', event: 'submit', role: 'applicant', facts: { eligibilityGapCount: 2 }, failed: ['eligible'] },
    { state: 'reference_checks', event: 'complete_references', role: 'system', facts: { referencesComplete: false }, failed: ['references_complete'] },
    { state: 'reference_checks', event: 'complete_references', role: 'system', facts: { examRequired: true }, failed: ['no_exam_needed'] },
    {
      state: 'reference_checks',
      event: 'complete_references',
      role: 'coordinator',
      facts: { referencesComplete: false, examRequired: true },
      failed: ['references_complete', 'no_exam_needed'],
    },
    {
      state: 'reference_checks',
      event: 'approve_exam',
      role: 'coordinator',
      facts: { examRequired: true, referencesComplete: false },
      failed: ['references_complete'],
    },
    { state: 'reference_checks', event: 'approve_exam', role: 'coordinator', facts: { examRequired: false }, failed: ['exam_required'] },
    {
      state: 'reference_checks',
      event: 'approve_exam',
      role: 'administrator',
      facts: { examRequired: true, reinstatement: true },
      failed: ['not_reinstatement'],
    },
    { state: 'exam', event: 'pass_exam', role: 'exam_reviewer', facts: { exam: { part1Passed: false } }, failed: ['exam_passed'] },
    { state: 'exam', event: 'pass_exam', role: 'system', facts: { exam: { part2Passed: false } }, failed: ['exam_passed'] },
    { state: 'exam', event: 'fail_exam', role: 'exam_reviewer', facts: {}, failed: ['exam_not_passed'] },
    { state: 'deferred', event: 'resubmit', role: 'applicant', facts: { amendedSinceDeferral: false }, failed: ['amended_since_deferral'] },
    { state: 'on_hold', event: 'resume', role: 'coordinator', facts: { heldFrom: null }, failed: ['held_from_known'] },
    { state: 'on_hold', event: 'resume', role: 'coordinator', facts: { heldFrom: 'endorsed' }, failed: ['held_from_known'] },
    { state: 'on_hold', event: 'resume', role: 'coordinator', facts: { heldFrom: 'on_hold' }, failed: ['held_from_known'] },
    { state: 'renewal_due', event: 'renew', role: 'system', facts: { renewalRequirementsMet: false }, failed: ['renewal_requirements_met'] },
    { state: 'lapsed', event: 'reinstate', role: 'applicant', facts: { reinstatement: false }, failed: ['reinstatement'] },
    {
      state: 'lapsed',
      event: 'reinstate',
      role: 'applicant',
      facts: { reinstatement: true, referenceRolesWithoutRater: ['Colleague'] },
      failed: ['rater_per_reference_role'],
    },
    { state: 'exam', event: 'expire_exam_approval', role: 'system', facts: { exam: { approvalExpired: false } }, failed: ['exam_approval_expired'] },
    {
      state: 'exam',
      event: 'expire_exam_approval',
      role: 'system',
      facts: { exam: { approvalExpired: true, attemptPending: true } },
      failed: ['no_exam_attempt_pending'],
    },
    { state: 'panel_review', event: 'panel_defer', role: 'system', facts: { reasonGiven: false }, failed: ['reason_given'] },
    { state: 'panel_review', event: 'panel_deny', role: 'administrator', facts: { reasonGiven: false }, failed: ['reason_given'] },
    { state: 'reference_checks', event: 'hold', role: 'coordinator', facts: { reasonGiven: false }, failed: ['reason_given'] },
  ];

  test.each(GUARD_CASES)('$event in $state fails on $failed', ({ state, event, role, facts: override, failed }) => {
    const decision = refusal(decideTransition({ state, event, role, facts: facts(override) }), 'guard_failed');
    expect(decision.failedGuards.map((g) => g.guard)).toEqual(failed);
    for (const { message } of decision.failedGuards) {
      expect(message.length).toBeGreaterThan(0);
      expect(decision.message).toContain(message);
    }
  });

  test('every guard in the table is exercised here or by the fail_exam branches', () => {
    const inTable = new Set(TRANSITION_TABLE.flatMap((rule) => rule.guards.map((g) => g.name)));
    const exercised = new Set([...GUARD_CASES.flatMap((c) => c.failed), 'retake_available', 'no_retake_available']);
    expect([...inTable].sort()).toEqual([...exercised].sort());
  });

  test('the eligibility message says how many requirements are missing', () => {
    const decision = refusal(
      decideTransition({ state: 'draft', event: 'submit', role: 'applicant', facts: facts({ eligibilityGapCount: 4 }) }),
      'guard_failed',
    );
    expect(decision.failedGuards[0].message).toContain('4');
  });

  test('a reinstatement completes references without the exam, even when the category requires it', () => {
    const decision = decideTransition({
      state: 'reference_checks',
      event: 'complete_references',
      role: 'system',
      facts: facts({ examRequired: true, reinstatement: true }),
    });
    expect(decision).toMatchObject({ ok: true, to: 'panel_review' });
  });
});

describe('decideTransition: fail_exam alternatives', () => {
  const failed = { part1Passed: false, part2Passed: true };

  test.each([
    { exam: { ...failed, retakesRemaining: 1, approvalExpired: false }, to: 'exam', template: 'exam_failed_retake' },
    { exam: { ...failed, retakesRemaining: 3, approvalExpired: false }, to: 'exam', template: 'exam_failed_retake' },
    { exam: { ...failed, retakesRemaining: 0, approvalExpired: false }, to: 'denied', template: 'exam_failed_denied' },
    { exam: { ...failed, retakesRemaining: 2, approvalExpired: true }, to: 'denied', template: 'exam_failed_denied' },
    { exam: { ...failed, retakesRemaining: 0, approvalExpired: true }, to: 'denied', template: 'exam_failed_denied' },
  ] as const)('retakes $exam.retakesRemaining, approval expired $exam.approvalExpired: to $to', ({ exam, to, template }) => {
    const decision = decideTransition({ state: 'exam', event: 'fail_exam', role: 'exam_reviewer', facts: facts({ exam }) });
    expect(decision).toEqual({ ok: true, from: 'exam', to, event: 'fail_exam', effects: [mail(template)] });
  });
});

describe('decideTransition: hold and resume', () => {
  test.each(['submitted', 'reference_checks', 'exam', 'panel_review', 'deferred'] as const)('an application held from %s resumes there', (heldFrom) => {
    expect(decideTransition({ state: heldFrom, event: 'hold', role: 'coordinator', facts: facts() })).toMatchObject({
      ok: true,
      to: 'on_hold',
    });
    const decision = decideTransition({ state: 'on_hold', event: 'resume', role: 'coordinator', facts: facts({ heldFrom }) });
    expect(decision).toEqual({ ok: true, from: 'on_hold', to: heldFrom, event: 'resume', effects: [mail('resumed')] });
  });
});

describe('decideTransition: purity', () => {
  test('callers get their own effects array', () => {
    const input = { state: 'draft', event: 'submit', role: 'applicant', facts: facts() } as const;
    const first = decideTransition(input);
    if (first.ok) first.effects.push({ type: 'registry.remove' });
    expect(decideTransition(input)).toMatchObject({ effects: [mail('application_received')] });
  });
});
