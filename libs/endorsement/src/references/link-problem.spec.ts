import { describe, expect, test } from '@jest/globals';
import { linkProblem, type RaterLinkFacts } from './link-problem.js';

const now = new Date('2026-03-01T12:00:00Z');
const open: RaterLinkFacts = {
  status: 'requested',
  revoked_at: null,
  token_expires_at: new Date('2026-03-20T00:00:00Z'),
  state: 'reference_checks',
  held_from: null,
};

describe('whether a rater link still opens its form', () => {
  test('an open request while the application collects references', () => {
    expect(linkProblem(open, now)).toBeNull();
    expect(linkProblem({ ...open, token_expires_at: null }, now)).toBeNull();
    expect(linkProblem({ ...open, state: 'on_hold', held_from: 'reference_checks' }, now)).toBeNull();
  });

  test('used once: rated, or sent but not counting', () => {
    expect(linkProblem({ ...open, status: 'rated' }, now)).toBe('used');
    expect(linkProblem({ ...open, status: 'invalid' }, now)).toBe('used');
    // Used wins over expired: the rater is told it arrived.
    expect(linkProblem({ ...open, status: 'rated', token_expires_at: new Date('2026-01-01T00:00:00Z') }, now)).toBe('used');
  });

  test('expired at its expiry instant', () => {
    expect(linkProblem({ ...open, token_expires_at: now }, now)).toBe('expired');
    expect(linkProblem({ ...open, token_expires_at: new Date(now.getTime() + 1) }, now)).toBeNull();
  });

  test('revoked, replaced, bounced and closed applications look exactly like a link that never existed', () => {
    expect(linkProblem(undefined, now)).toBe('unknown');
    expect(linkProblem({ ...open, revoked_at: new Date('2026-02-01T00:00:00Z') }, now)).toBe('unknown');
    expect(linkProblem({ ...open, status: 'replaced', revoked_at: new Date('2026-02-01T00:00:00Z') }, now)).toBe('unknown');
    expect(linkProblem({ ...open, status: 'bounced' }, now)).toBe('unknown');
    for (const state of ['withdrawn', 'denied', 'panel_review', 'endorsed'] as const) expect(linkProblem({ ...open, state }, now)).toBe('unknown');
    expect(linkProblem({ ...open, state: 'on_hold', held_from: 'panel_review' }, now)).toBe('unknown');
  });
});
