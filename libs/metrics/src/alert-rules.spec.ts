import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { parse } from 'yaml';
import { metricsRegistry } from './metrics.js';

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const rules = (
  parse(readFileSync(new URL('../../../docs/alerts.yml', import.meta.url), 'utf8')) as { groups: { name: string; rules: Rule[] }[] }
).groups.flatMap((g) => g.rules);

/** Every series name the code exports, with its labels: a histogram `h` is `h_bucket` (with `le`), `h_count` and `h_sum`. */
const series = new Map<string, string[]>(
  metricsRegistry.getMetricsAsArray().flatMap((m) => {
    const { name, type } = m as unknown as { name: string; type: string };
    const labels = (m as unknown as { labelNames: string[] }).labelNames;
    return type === 'histogram'
      ? [
          [`${name}_bucket`, [...labels, 'le']],
          [`${name}_count`, labels],
          [`${name}_sum`, labels],
        ]
      : [[name, labels]];
  }),
);
// Prometheus' own series for each scrape target.
series.set('up', ['job', 'instance']);

/** The metric and label names an expression selects and groups by, read with Prometheus' own PromQL grammar. */
function selections(expr: string): { errors: number; selectors: { metric: string; labels: string[] }[]; grouping: string[] } {
  const tree = parser.parse(expr);
  let errors = 0;
  const selectors: { metric: string; labels: string[] }[] = [];
  const grouping: string[] = [];
  const text = (n: SyntaxNode) => expr.slice(n.from, n.to);
  tree.iterate({
    enter: (ref) => {
      if (ref.type.isError) errors++;
      if (ref.name === 'VectorSelector') {
        const node = ref.node;
        const metric = node.getChild('Identifier');
        const labels =
          node
            .getChild('LabelMatchers')
            ?.getChildren('UnquotedLabelMatcher')
            .map((m) => text(m.getChild('LabelName')!)) ?? [];
        selectors.push({ metric: metric ? text(metric) : '', labels });
      }
      if (ref.name === 'GroupingLabels') grouping.push(...ref.node.getChildren('LabelName').map(text));
    },
  });
  return { errors, selectors, grouping };
}

describe('docs/alerts.yml', () => {
  test('has the alerts operators asked for', () => {
    const exprs = rules.map((r) => r.expr).join('\n');
    for (const metric of [
      'endorsement_outbox_lag_seconds',
      'endorsement_email_ledger_rows',
      'endorsement_reminders_oldest_due_age_seconds',
      'endorsement_sweep_last_success_timestamp_seconds',
      'endorsement_job_failures_total',
      'endorsement_http_request_duration_seconds_count',
    ]) {
      expect(exprs).toContain(metric);
    }
    expect(rules.find((r) => r.alert === 'EndorsementSweepNotRun')?.expr).toContain('26 * 3600');
  });

  test.each(rules.map((r) => [r.alert, r] as const))('%s: well formed, and its expression is valid PromQL over metrics the code registers', (_name, rule) => {
    expect(rule.alert).toMatch(/^Endorsement[A-Z][A-Za-z]+$/);
    expect(['critical', 'warning', 'info']).toContain(rule.labels?.severity);
    expect(rule.annotations?.summary).toEqual(expect.any(String));
    expect(rule.annotations?.description).toEqual(expect.any(String));
    if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smhd]$/);
    const { errors, selectors, grouping } = selections(rule.expr);
    expect(errors).toBe(0);
    expect(selectors.length).toBeGreaterThan(0);
    for (const { metric, labels } of selectors) {
      expect(series.has(metric) ? metric : `${metric} (not registered)`).toBe(metric);
      for (const label of labels) expect(series.get(metric)).toContain(label);
    }
    const labelsSelected = new Set(selectors.flatMap(({ metric }) => series.get(metric) ?? []));
    for (const label of grouping) expect([...labelsSelected]).toContain(label);
  });

  test('alert names are unique', () => {
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });
});
