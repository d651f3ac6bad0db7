import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  APPLICATION_STATES,
  INITIAL_STATE,
  ROLES,
  TERMINAL_STATES,
  TRANSITION_TABLE,
  decideTransition,
  type ApplicationState,
  type GuardFacts,
  type WorkflowEvent,
} from './index.js';

/*
 * No stuck applications: from every state an application can reach, someone can move it on.
 *
 * What this checks. A model of one application: its state and the guard facts, which change only
 * through the inputs the API accepts (below, each with its route) or through the effects of a
 * transition. fast-check generates applications (exam or not, how many attempts) and sequences of
 * inputs and events by any role; every world a sequence reaches is then searched (inputs and
 * self-loop events, a few steps deep) for a way on: an event other than `withdraw` and `hold` that
 * leaves the state. Withdrawing and holding do not count: an application that can only be withdrawn
 * is stuck (as a reinstatement with one reference was). Events the API fires only as the consequence
 * of an input (pass_exam and fail_exam, after the scores of a booked sitting) fire only then.
 *
 * What it does not check. The model of the API is written here by hand: that each input exists and
 * does what is written is for the HTTP tests (test/api, test/renewal). Time moves only the approval
 * to sit the exam; reference links running out, raters who never answer (staff replace the address)
 * and renewal dates are not modelled. People are assumed to act: a rater rates, an applicant books.
 */

type Facts = Omit<GuardFacts, 'reasonGiven'>;
interface World {
  readonly state: ApplicationState;
  readonly facts: Facts;
  /** Attempts the rules allow: approve_exam resets the retakes to it. */
  readonly maxAttempts: number;
}

interface Input {
  readonly name: string;
  readonly route: string;
  readonly available: (w: World) => boolean;
  readonly apply: (w: World, complete: boolean) => Facts;
}

const MISSING = ['Colleague or parent'];
const withExam = (f: Facts, exam: Partial<Facts['exam']>): Facts => ({ ...f, exam: { ...f.exam, ...exam } });

/** What the API lets people change, in which states. `complete`: the input says all that is needed (or not). */
const INPUTS: readonly Input[] = [
  {
    name: 'edit the portfolio',
    route: 'PUT /api/v1/applications/{id}/portfolio/{section}',
    available: (w) => w.state === 'draft' || w.state === 'deferred',
    apply: (w, complete) => ({
      ...w.facts,
      eligibilityGapCount: complete ? 0 : 1,
      referenceRolesWithoutRater: complete ? [] : MISSING,
      amendedSinceDeferral: w.state === 'deferred' || w.facts.amendedSinceDeferral,
    }),
  },
  {
    name: 'name the raters of a reinstatement',
    route: 'POST /api/v1/applications/{id}/reinstate { references }',
    available: (w) => w.state === 'lapsed',
    apply: (w, complete) => ({ ...w.facts, referenceRolesWithoutRater: complete ? [] : MISSING }),
  },
  {
    // Raters rate what was requested: the raters the portfolio names.
    name: 'a rater rates',
    route: 'POST /r/{token}',
    available: (w) => w.state === 'reference_checks',
    apply: (w) => ({ ...w.facts, referencesComplete: w.facts.referenceRolesWithoutRater.length === 0 }),
  },
  {
    name: 'book a sitting',
    route: 'POST /api/v1/applications/{id}/exam-registration',
    available: (w) => w.state === 'exam' && !w.facts.exam.approvalExpired && !w.facts.exam.attemptPending && w.facts.exam.retakesRemaining > 0,
    apply: (w) => withExam(w.facts, { attemptPending: true, retakesRemaining: w.facts.exam.retakesRemaining - 1, part1Passed: false, part2Passed: false }),
  },
  {
    name: 'score the sitting',
    route: 'POST /api/v1/exam/papers/{paperId}/part1 and /part2-scores',
    available: (w) => w.state === 'exam' && w.facts.exam.attemptPending,
    apply: (w, complete) => withExam(w.facts, { part1Passed: complete, part2Passed: complete }),
  },
  {
    name: 'the approval to sit runs out',
    route: '(time)',
    available: (w) => w.state === 'exam' && !w.facts.exam.approvalExpired,
    apply: (w) => withExam(w.facts, { approvalExpired: true }),
  },
  {
    name: 'log and approve the hours of the cycle',
    route: 'POST /api/v1/continuing-education, staff approval',
    available: (w) => w.state === 'renewal_due',
    apply: (w) => ({ ...w.facts, renewalRequirementsMet: true }),
  },
];

/** Events the API fires only as the consequence of an input, and when. */
const FIRED_BY_INPUT: Partial<Record<WorkflowEvent, (f: Facts) => boolean>> = {
  // The last score of a booked sitting decides it.
  pass_exam: (f) => f.exam.attemptPending,
  fail_exam: (f) => f.exam.attemptPending,
};

/** What the use case writes before it asks for the transition, in the same transaction. */
const BEFORE_EVENT: Partial<Record<WorkflowEvent, (f: Facts) => Facts>> = {
  // ReinstateEndorsement marks the application a reinstatement, then fires reinstate.
  reinstate: (f) => ({ ...f, reinstatement: true }),
};

/** How a transition changes the facts (what its effects and the use cases around it write). */
function afterEvent(w: World, event: WorkflowEvent, to: ApplicationState): World {
  const f = w.facts;
  const facts: Facts = (() => {
    switch (event) {
      case 'begin_reference_checks':
        return { ...f, referencesComplete: false };
      case 'reinstate':
        // The earlier references are revoked; new ones are requested from the raters named.
        return { ...f, referencesComplete: false };
      case 'approve_exam':
        return withExam(f, { approvalExpired: false, attemptPending: false, retakesRemaining: w.maxAttempts, part1Passed: false, part2Passed: false });
      case 'pass_exam':
      case 'fail_exam':
        return withExam(f, { attemptPending: false });
      case 'panel_defer':
      case 'resubmit':
        return { ...f, amendedSinceDeferral: false };
      case 'open_renewal':
        return { ...f, renewalRequirementsMet: false };
      default:
        return f;
    }
  })();
  return { ...w, state: to, facts: { ...facts, heldFrom: to === 'on_hold' ? w.state : null } };
}

const AWAY = new Set<WorkflowEvent>(['withdraw', 'hold']);

/** Fires `event` by the first role allowed to, with a reason given; the world after it, or null. */
function fire(w: World, event: WorkflowEvent): World | null {
  if (FIRED_BY_INPUT[event]?.(w.facts) === false) return null;
  const facts = BEFORE_EVENT[event]?.(w.facts) ?? w.facts;
  for (const role of ROLES) {
    const decision = decideTransition({ state: w.state, event, role, facts: { ...facts, reasonGiven: true } });
    if (decision.ok) return afterEvent({ ...w, facts }, event, decision.to);
  }
  return null;
}

const EVENTS = [...new Set(TRANSITION_TABLE.map((rule) => rule.event))];

/** A way on from `w` within `depth` steps of inputs and self-loops: the event that leaves, or null. */
function wayOn(start: World, depth = 6): WorkflowEvent | null {
  let frontier = [start];
  const seen = new Set([JSON.stringify(start)]);
  for (let step = 0; step <= depth && frontier.length; step++) {
    const next: World[] = [];
    for (const w of frontier) {
      for (const event of EVENTS) {
        if (AWAY.has(event)) continue;
        const after = fire(w, event);
        if (after && after.state !== w.state) return event;
        if (after) next.push(after);
      }
      for (const input of INPUTS.filter((i) => i.available(w))) {
        for (const complete of [true, false]) next.push({ ...w, facts: input.apply(w, complete) });
      }
    }
    frontier = next.filter((w) => !seen.has(JSON.stringify(w)) && seen.add(JSON.stringify(w)));
  }
  return null;
}

/** Everything anyone can do next through the API: each event some role may fire, each input (complete or not). */
function moves(w: World): World[] {
  const fired = EVENTS.map((event) => fire(w, event)).filter((after): after is World => after !== null);
  const edited = INPUTS.filter((i) => i.available(w)).flatMap((i) => [true, false].map((complete) => ({ ...w, facts: i.apply(w, complete) })));
  return [...fired, ...edited];
}

// A walk picks one of the moves available at each step: generated sequences then get past the
// guards and explore deep (renewals, lapses, reinstatements) instead of stopping at the first guard.
const application = fc.record({
  examRequired: fc.boolean(),
  maxAttempts: fc.integer({ min: 1, max: 3 }),
  // `end`: a move into a final state (withdraw, deny) is taken only when it is 0, so walks live long.
  choices: fc.array(fc.record({ pick: fc.nat(), end: fc.nat(9) }), { maxLength: 150, size: 'max' }),
});

function newApplication(examRequired: boolean, maxAttempts: number): World {
  return {
    state: INITIAL_STATE,
    maxAttempts,
    facts: {
      eligibilityGapCount: 1,
      examRequired,
      referencesComplete: false,
      referenceRolesWithoutRater: MISSING,
      exam: { part1Passed: false, part2Passed: false, retakesRemaining: 0, approvalExpired: false, attemptPending: false },
      amendedSinceDeferral: false,
      heldFrom: null,
      reinstatement: false,
      renewalRequirementsMet: false,
    },
  };
}

describe('no stuck applications (model of the transition table and the API inputs)', () => {
  const visited = new Set<ApplicationState>();

  test('from every reachable world that is not final, someone can move the application on', () => {
    fc.assert(
      fc.property(application, ({ examRequired, maxAttempts, choices }) => {
        let w = newApplication(examRequired, maxAttempts);
        for (const choice of choices) {
          visited.add(w.state);
          if (TERMINAL_STATES.has(w.state)) return;
          if (wayOn(w) === null) throw new Error(`stuck in ${w.state} with ${JSON.stringify(w.facts)}`);
          const all = moves(w);
          const living = all.filter((m) => !TERMINAL_STATES.has(m.state));
          const next = choice.end === 0 || !living.length ? all : living;
          w = next[choice.pick % next.length]!;
        }
        visited.add(w.state);
      }),
      { numRuns: 400 },
    );
    // The generated sequences went everywhere the table goes.
    expect([...visited].sort()).toEqual([...APPLICATION_STATES].sort());
  });

  test('the two applications that were stuck now have a way on', () => {
    // A reinstatement naming one rater is refused, so it cannot reach reference checks short of raters.
    const lapsed: World = { ...newApplication(true, 3), state: 'lapsed' };
    expect(fire(lapsed, 'reinstate')).toBeNull();
    const named = { ...lapsed, facts: { ...lapsed.facts, referenceRolesWithoutRater: [] } };
    expect(fire(named, 'reinstate')?.state).toBe('reference_checks');
    // An approval to sit that ran out with no sitting booked is closed by the sweep.
    const expired = withExam(newApplication(true, 3).facts, { approvalExpired: true, retakesRemaining: 3 });
    expect(wayOn({ state: 'exam', maxAttempts: 3, facts: expired })).toBe('expire_exam_approval');
  });
});
