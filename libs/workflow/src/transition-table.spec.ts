import { describe, expect, test } from '@jest/globals';
import {
  APPLICANT_EMAIL_TEMPLATES,
  APPLICATION_STATES,
  EFFECT_TYPES,
  INITIAL_STATE,
  STAFF_EMAIL_TEMPLATES,
  TERMINAL_STATES,
  TRANSITION_TABLE,
  WORKFLOW_EVENTS,
  type ApplicationState,
} from './index.js';

const targetsOf = (to: (typeof TRANSITION_TABLE)[number]['to']): readonly ApplicationState[] => (typeof to === 'string' ? [to] : to.heldFrom);

describe('transition table invariants', () => {
  test('the terminal states are withdrawn and denied', () => {
    expect([...TERMINAL_STATES].sort()).toEqual(['denied', 'withdrawn']);
  });

  test('no transition leaves a terminal state', () => {
    const leaving = TRANSITION_TABLE.filter((rule) => rule.from.some((state) => TERMINAL_STATES.has(state)));
    expect(leaving).toEqual([]);
  });

  test('every other state has a way out', () => {
    const withExit = new Set(TRANSITION_TABLE.flatMap((rule) => rule.from));
    const stuck = APPLICATION_STATES.filter((state) => !TERMINAL_STATES.has(state) && !withExit.has(state));
    expect(stuck).toEqual([]);
  });

  test('every state is reachable from the initial state', () => {
    const reached = new Set<ApplicationState>([INITIAL_STATE]);
    for (let size = 0; size !== reached.size;) {
      size = reached.size;
      for (const rule of TRANSITION_TABLE) {
        if (rule.from.some((state) => reached.has(state))) targetsOf(rule.to).forEach((to) => reached.add(to));
      }
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATES].sort());
  });

  test('every event has a rule', () => {
    const used = new Set(TRANSITION_TABLE.map((rule) => rule.event));
    expect(WORKFLOW_EVENTS.filter((event) => !used.has(event))).toEqual([]);
  });

  test('alternatives sharing (state, event) admit the same roles', () => {
    for (const rule of TRANSITION_TABLE) {
      const siblings = TRANSITION_TABLE.filter((other) => other.event === rule.event && other.from.some((state) => rule.from.includes(state)));
      for (const sibling of siblings) expect([...sibling.roles].sort()).toEqual([...rule.roles].sort());
    }
  });

  test('only resume has a dynamic target, and it lists only states that can be held', () => {
    const dynamic = TRANSITION_TABLE.filter((rule) => typeof rule.to !== 'string');
    expect(dynamic.map((rule) => rule.event)).toEqual(['resume']);
    const holdable = TRANSITION_TABLE.find((rule) => rule.event === 'hold')!.from;
    expect(targetsOf(dynamic[0].to)).toEqual(holdable);
  });

  test('every effect type and email template is emitted by some rule', () => {
    const effects = TRANSITION_TABLE.flatMap((rule) => rule.effects);
    expect([...new Set(effects.map((e) => e.type))].sort()).toEqual([...EFFECT_TYPES].sort());
    const templates = effects.flatMap((e) => ('template' in e ? [e.template] : []));
    expect([...new Set(templates)].sort()).toEqual([...APPLICANT_EMAIL_TEMPLATES, ...STAFF_EMAIL_TEMPLATES].sort());
  });
});
