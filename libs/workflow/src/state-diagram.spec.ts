import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { STATE_DIAGRAM_END, STATE_DIAGRAM_START, renderStateDiagram, withStateDiagram } from './index.js';

describe('renderStateDiagram', () => {
  const lines = renderStateDiagram().trimEnd().split('\n');

  test('is a Mermaid state diagram starting at draft and ending at the terminal states', () => {
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines[1]).toBe('    [*] --> draft');
    expect(lines.slice(-2)).toEqual(['    withdrawn --> [*]', '    denied --> [*]']);
  });

  test('draws one line per transition, resume once per holdable state', () => {
    const transitions = lines.filter((line) => line.includes(': '));
    // 20 rules; hold has 5 sources, withdraw 7 and resume 5 targets.
    expect(transitions).toHaveLength(20 - 3 + 5 + 7 + 5);
    expect(transitions).toEqual(
      expect.arrayContaining([
        '    draft --> submitted: submit',
        '    exam --> exam: fail_exam',
        '    exam --> denied: fail_exam',
        '    panel_review --> panel_review: panel_escalate',
        '    on_hold --> submitted: resume',
        '    on_hold --> deferred: resume',
        '    lapsed --> reference_checks: reinstate',
      ]),
    );
    expect(new Set(transitions).size).toBe(transitions.length);
  });

  test('is deterministic', () => {
    expect(renderStateDiagram()).toBe(renderStateDiagram());
  });
});

describe('withStateDiagram', () => {
  const doc = `# Intro\n\nHand-written.\n\n${STATE_DIAGRAM_START}\nSTALE DIAGRAM\n${STATE_DIAGRAM_END}\n\nAfter.\n`;

  test('replaces only the marked section, inside a mermaid fence', () => {
    const updated = withStateDiagram(doc);
    expect(updated.startsWith(`# Intro\n\nHand-written.\n\n${STATE_DIAGRAM_START}\n\`\`\`mermaid\nstateDiagram-v2\n`)).toBe(true);
    expect(updated.endsWith(`\`\`\`\n${STATE_DIAGRAM_END}\n\nAfter.\n`)).toBe(true);
    expect(updated).not.toContain('STALE DIAGRAM');
    expect(withStateDiagram(updated)).toBe(updated);
  });

  test('refuses a document without both markers in order', () => {
    expect(() => withStateDiagram('# nothing here\n')).toThrow(STATE_DIAGRAM_START);
    expect(() => withStateDiagram(`${STATE_DIAGRAM_END}\n${STATE_DIAGRAM_START}\n`)).toThrow(STATE_DIAGRAM_END);
  });
});

describe('docs/state-machine.md', () => {
  test('shows the current transition table', () => {
    const doc = readFileSync(new URL('../../../docs/state-machine.md', import.meta.url), 'utf8');
    if (withStateDiagram(doc) !== doc) {
      throw new Error('docs/state-machine.md is out of date with the transition table: run `npm run docs:state-diagram`');
    }
  });
});
