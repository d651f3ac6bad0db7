/**
 * Pure pieces of the open-loop load benchmark (bench/load.bench.ts): when operations arrive, which
 * kind each is, how latencies summarise, and when a step ends the climb.
 */

/** Percentile `p` (0–1) of `values` (nearest rank); NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    p99: percentile(values, 0.99),
    max: values.length ? Math.max(...values) : NaN,
  };
}

/** A small seeded generator (mulberry32): the same arrivals on every run with the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Open-loop arrivals: a Poisson process of `ratePerSecond` over `durationMs`, as offsets in ms from
 * the start of the step. Arrivals do not wait for earlier operations to finish, so a slow system
 * meets a growing queue, as it would with real users (no coordinated omission).
 */
export function poissonArrivals(ratePerSecond: number, durationMs: number, random: () => number): number[] {
  const offsets: number[] = [];
  const meanGapMs = 1000 / ratePerSecond;
  for (let t = -Math.log(1 - random()) * meanGapMs; t < durationMs; t += -Math.log(1 - random()) * meanGapMs) offsets.push(t);
  return offsets;
}

/** The kind whose share of the weights `u` (0–1) falls in. */
export function pickByWeight<K extends string>(weights: readonly (readonly [K, number])[], u: number): K {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let edge = 0;
  for (const [kind, w] of weights) {
    edge += w / total;
    if (u < edge) return kind;
  }
  return weights[weights.length - 1][0];
}

export interface StepOutcome {
  /** p99 of every request of the step, in ms. */
  p99Ms: number;
  /** Requests that failed: a status of 400 or more, a timeout or a broken connection. */
  errors: number;
  /** Emails the ledger marked sent that never reached the sink within the wait. */
  lostEmails: number;
  /** Emails the ledger still had to send (or had failed) when the wait ran out. */
  unsentEmails: number;
}

/** Why the climb stops after this step, or null when the step was held. */
export function stopReason(step: StepOutcome, p99LimitMs: number): string | null {
  if (step.errors > 0) return `${step.errors} request(s) failed`;
  if (step.lostEmails > 0) return `${step.lostEmails} email(s) marked sent never reached the sink`;
  if (step.unsentEmails > 0) return `${step.unsentEmails} email(s) not sent when the wait after the step ran out`;
  if (!(step.p99Ms <= p99LimitMs)) return `p99 ${step.p99Ms.toFixed(0)} ms passed ${p99LimitMs} ms`;
  return null;
}
