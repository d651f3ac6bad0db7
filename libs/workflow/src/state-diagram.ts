import { INITIAL_STATE, TERMINAL_STATES } from './application-state.js';
import { TRANSITION_TABLE } from './transition-table.js';

export const STATE_DIAGRAM_START = '<!-- state-diagram:start -->';
export const STATE_DIAGRAM_END = '<!-- state-diagram:end -->';

/** Mermaid `stateDiagram-v2`: one line per (from, to, event) in table order, so the output is stable. */
export function renderStateDiagram(): string {
  const lines = ['stateDiagram-v2', `    [*] --> ${INITIAL_STATE}`];
  for (const rule of TRANSITION_TABLE) {
    const targets = typeof rule.to === 'string' ? [rule.to] : rule.to.heldFrom;
    for (const from of rule.from) {
      for (const to of targets) lines.push(`    ${from} --> ${to}: ${rule.event}`);
    }
  }
  for (const state of TERMINAL_STATES) lines.push(`    ${state} --> [*]`);
  return `${lines.join('\n')}\n`;
}

/** `markdown` with the section between the markers replaced by the current diagram; the rest is kept as written. */
export function withStateDiagram(markdown: string): string {
  const start = markdown.indexOf(STATE_DIAGRAM_START);
  const end = markdown.indexOf(STATE_DIAGRAM_END);
  if (start === -1 || end < start) {
    throw new Error(`Expected ${STATE_DIAGRAM_START} followed by ${STATE_DIAGRAM_END} in the document.`);
  }
  const section = `${STATE_DIAGRAM_START}\n\`\`\`mermaid\n${renderStateDiagram()}\`\`\`\n`;
  return markdown.slice(0, start) + section + markdown.slice(end);
}
