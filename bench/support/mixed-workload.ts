import { performance } from 'node:perf_hooks';
import type { Pool } from 'undici';
import type { Portfolio } from '#framework';
import { pickByWeight, poissonArrivals } from './load-stats.js';

export type Operation = 'applicant edits' | 'applicant submits' | 'staff lists' | 'staff transitions' | 'rater rates';
export type RequestKind = 'PUT portfolio section' | 'POST submit' | 'GET staff queue' | 'POST transition' | 'GET rater form' | 'POST rater form';

/** The share of each operation among arrivals (weights). */
export const MIX: [Operation, number][] = [
  ['applicant edits', 30],
  ['applicant submits', 10],
  ['staff lists', 25],
  ['staff transitions', 15],
  ['rater rates', 20],
];
export const shareOf = (op: Operation): number => MIX.find(([o]) => o === op)![1] / MIX.reduce((s, [, w]) => s + w, 0);

/** A coordinator's queue pages, in turn. */
const QUEUE_VIEWS = ['state=submitted', 'state=reference_checks', 'state=panel_review', 'assignee=none&state=submitted', 'failedEmail=true'];
const MAX_IN_FLIGHT = 2_000;

export interface Draft {
  id: string;
  /** The applicant's access token. */
  token: string;
  version: number;
  portfolio: Portfolio;
  edits: number;
}

/** One step's requests, as the client saw them. */
export class StepRecord {
  readonly latencies = new Map<RequestKind, number[]>();
  readonly all: number[] = [];
  /** How late each operation started against its scheduled arrival (this process's own lag). */
  readonly startLag: number[] = [];
  readonly errors: string[] = [];
  readonly done = new Map<Operation, number>();
  /** Arrivals that found nothing to act on (no rater link in the sink yet). */
  skipped = 0;
  maxInFlight = 0;
  requestSeconds = 0;

  record(kind: RequestKind, ms: number): void {
    if (!this.latencies.has(kind)) this.latencies.set(kind, []);
    this.latencies.get(kind)!.push(ms);
    this.all.push(ms);
    this.requestSeconds += ms / 1000;
  }

  get operations(): number {
    return [...this.done.values()].reduce((a, b) => a + b, 0);
  }
}

/**
 * The mixed workload of bench:load over HTTP: applicants edit a portfolio section or submit a draft,
 * staff list a queue page or begin reference checks on a submitted application (If-Match), raters open
 * their emailed link and send the form. Each application is in one operation at a time (taken from its
 * pool while in flight), so no request fails on a version another one moved.
 */
export class MixedWorkload {
  private views = 0;

  constructor(
    private readonly http: Pool,
    private readonly staffToken: string,
    private readonly drafts: Draft[],
    /** Applications waiting for staff to begin reference checks, oldest first. */
    private readonly submitted: { id: string; version: number }[],
    private readonly raterLinks: string[],
    private readonly ratingForm: string,
    private readonly random: () => number,
  ) {}

  /** Offers `rate` operations a second for `ms` as a Poisson process, open loop; resolves when the last has answered. */
  async offer(rate: number, ms: number): Promise<StepRecord> {
    const step = new StepRecord();
    const inFlight = new Set<Promise<void>>();
    const start = performance.now();
    for (const offset of poissonArrivals(rate, ms, this.random)) {
      const at = start + offset;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (inFlight.size >= MAX_IN_FLIGHT) {
        step.errors.push(`client: ${MAX_IN_FLIGHT} operations in flight, the rest of the step not offered`);
        break;
      }
      step.startLag.push(performance.now() - at);
      const op = pickByWeight(MIX, this.random());
      const p: Promise<void> = this.run(op, step, at).then((did) => {
        if (did) step.done.set(op, (step.done.get(op) ?? 0) + 1);
        else step.skipped++;
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      step.maxInFlight = Math.max(step.maxInFlight, inFlight.size);
    }
    await Promise.all(inFlight);
    return step;
  }

  /** One operation, timed from its scheduled arrival `at`; false when there was nothing to act on. */
  private async run(op: Operation, step: StepRecord, at: number): Promise<boolean> {
    switch (op) {
      case 'applicant edits': {
        const d = this.drafts.shift();
        if (!d) return false;
        // The trainings section again with one title reworded: a real change, checked and stored as a person's edit is.
        const trainings = d.portfolio.trainings.map((t, i) => (i === 0 ? { ...t, title: `Foundations, revision ${++d.edits}` } : t));
        const res = await this.send(step, 'PUT portfolio section', at, {
          method: 'PUT',
          path: `/api/v1/applications/${d.id}/portfolio/trainings`,
          headers: applicant(d),
          body: JSON.stringify({ trainings }),
        });
        if (res) d.version = (JSON.parse(res) as { version: number }).version;
        this.drafts.push(d);
        return true;
      }
      case 'applicant submits': {
        const d = this.drafts.shift();
        if (!d) return false;
        const res = await this.send(step, 'POST submit', at, {
          method: 'POST',
          path: `/api/v1/applications/${d.id}/submit`,
          headers: applicant(d),
          body: '{}',
        });
        if (res) this.submitted.push({ id: d.id, version: (JSON.parse(res) as { version: number }).version });
        return true;
      }
      case 'staff lists': {
        const view = QUEUE_VIEWS[this.views++ % QUEUE_VIEWS.length];
        await this.send(step, 'GET staff queue', at, {
          method: 'GET',
          path: `/api/v1/staff/applications?limit=50&${view}`,
          headers: { authorization: `Bearer ${this.staffToken}` },
        });
        return true;
      }
      case 'staff transitions': {
        const app = this.submitted.shift();
        if (!app) return false;
        await this.send(step, 'POST transition', at, {
          method: 'POST',
          path: `/api/v1/staff/applications/${app.id}/transitions`,
          headers: { ...JSON_BODY, authorization: `Bearer ${this.staffToken}`, 'if-match': `"${app.version}"` },
          body: JSON.stringify({ event: 'begin_reference_checks' }),
        });
        return true;
      }
      case 'rater rates': {
        const path = this.raterLinks.shift();
        if (!path) return false;
        if ((await this.send(step, 'GET rater form', at, { method: 'GET', path })) === undefined) return true;
        const form = { method: 'POST', path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: this.ratingForm } as const;
        await this.send(step, 'POST rater form', performance.now(), form);
        return true;
      }
    }
  }

  /** The answer's body, or undefined after recording the failure (status ≥ 400, timeout, connection). */
  private async send(step: StepRecord, kind: RequestKind, from: number, options: Parameters<Pool['request']>[0]): Promise<string | undefined> {
    try {
      const res = await this.http.request(options);
      const body = await res.body.text();
      step.record(kind, performance.now() - from);
      if (res.statusCode < 400) return body;
      step.errors.push(`${kind} ${res.statusCode} ${body.slice(0, 160)}`);
    } catch (error) {
      step.record(kind, performance.now() - from);
      step.errors.push(`${kind} ${(error as Error).message}`);
    }
    return undefined;
  }
}

const JSON_BODY = { 'content-type': 'application/json' };
const applicant = (d: Draft) => ({ ...JSON_BODY, authorization: `Bearer ${d.token}`, 'if-match': `"${d.version}"` });
