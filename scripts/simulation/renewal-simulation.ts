import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { GetOutlook, renewalCycle, SubmitRenewal, SweepReminders, SweepRenewals, type AssociationOutlook, type RenewalCycle } from '#endorsement';
import { loadFramework, type Association, type Framework } from '#framework';
import { Clock, ManualClock } from '#platform';
import { JobQueues, type QueueName } from '#queue';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { forEachConcurrently } from '../../bench/support/concurrency.js';
import { DEFAULT_SHARES, planRenewal, type RenewalShares } from './endorsee-plan.js';
import { seedEndorsees } from './seed-endorsees.js';
import { checkSimulation, type SimulationCheck } from './check-simulation.js';
import { simulationSteps } from './simulation-steps.js';
import { SimulationSmtpSink } from './simulation-smtp-sink.js';
import { StuckCases } from './stuck-cases.js';

export interface SimulationOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  years: number;
  endorsees: number;
  /** Default: every association. */
  associations?: string[];
  seed: number;
  /** Default: now. */
  start?: Date;
  shares?: RenewalShares;
  /** Endorsees renewing at once, and the worker's job concurrency. */
  concurrency?: number;
  /** Each sweep runs this many times at once at every step, as on that many workers. Default 2. */
  sweepers?: number;
}

export const TRANSITION_KINDS = ['open_renewal', 'renew', 'lapse'] as const;

export interface MonthReport {
  month: string;
  transitions: Record<(typeof TRANSITION_KINDS)[number], number>;
  /** Of the renewals, those in the late window (with the late fee). */
  lateRenewals: number;
  emails: Map<string, number>;
}

// Queues whose jobs the simulated endorsees' work passes through; the sweeps queue only holds the
// (real-time) schedulers' occasional runs.
const WORK_QUEUES: QueueName[] = ['renewals', 'effects', 'mail'];
const SETTLE_TIMEOUT_MS = 10 * 60_000;

/**
 * Years of renewals over a simulated clock: a fresh database seeded with endorsees, the real worker
 * in-process (its Clock is this ManualClock, so every "now" of the sweeps, transitions, reminder rows
 * and emails is simulated time), and the real sweeps run at every instant the renewal calendar uses,
 * twice at once by default, as on two workers.
 * After each step it waits until the worker has done everything that step caused (jobs, outbox,
 * emails), so time never runs ahead of the work. Used by `npm run simulate` and the tests.
 */
export class RenewalSimulation {
  readonly clock: ManualClock;
  readonly sink = new SimulationSmtpSink();
  readonly framework: Framework = loadFramework();
  readonly associations: Association[];
  /** Renewals refused for missing hours: the simulated endorsees log enough, so always 0. */
  refused = 0;
  lastStep?: Date;
  private worker!: INestApplication;
  readonly start: Date;
  private readonly cycles = new Map<string, RenewalCycle>();
  /** A reinstatement and an unused approval to sit, in the first association simulated. */
  readonly stuckCases: StuckCases;

  constructor(private readonly options: SimulationOptions) {
    this.start = options.start ?? new Date();
    this.clock = new ManualClock(this.start);
    this.associations = (options.associations ?? [...this.framework.associations.keys()]).map((code) => this.framework.association(code));
    this.stuckCases = new StuckCases(() => this.worker, this.framework, this.associations[0]);
  }

  get ds(): DataSource {
    return this.worker.get(DataSource);
  }

  /** Months are shown on the association's calendar when there is one, else in UTC. */
  get displayZone(): string {
    return this.associations.length === 1 ? this.associations[0].timeZone : 'UTC';
  }

  async startWorker(): Promise<void> {
    await this.sink.start();
    const concurrency = this.options.concurrency ?? 32;
    const config = loadConfig({
      DATABASE_URL: this.options.databaseUrl,
      DATABASE_POOL_SIZE: String(concurrency + 8),
      REDIS_URL: this.options.redisUrl,
      QUEUE_PREFIX: this.options.redisPrefix,
      SMTP_PORT: String(this.sink.port),
      MAIL_CATCHER: 'off',
      MAIL_CONCURRENCY: String(concurrency),
      OUTBOX_POLL_MS: '100',
      LOG_LEVEL: process.env.SIMULATION_LOG_LEVEL ?? 'silent',
      // The simulation runs the sweeps itself at simulated instants; the real-time schedulers stay out of the way.
      REMINDER_SWEEP_EVERY_MS: String(86_400_000),
      RENEWAL_SWEEP_EVERY_MS: String(7 * 86_400_000),
    });
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config, this.framework)] })
      .overrideProvider(Clock)
      .useValue(this.clock)
      .compile();
    this.worker = moduleRef.createNestApplication({ logger: false });
    await this.worker.init();
  }

  async seed(): Promise<{ people: number; endorsements: number }> {
    const seeded = await seedEndorsees(this.ds, this.framework, {
      associations: this.associations.map((a) => a.code),
      endorsees: this.options.endorsees,
      seed: this.options.seed,
      start: this.start,
    });
    await this.stuckCases.seed(this.start);
    return seeded;
  }

  /** Runs the simulated years, calling `onMonth` as each month (display zone) ends. */
  async run(onMonth: (report: MonthReport) => void): Promise<void> {
    const days = Math.round(DateTime.fromJSDate(this.start).plus({ years: this.options.years }).diff(DateTime.fromJSDate(this.start), 'days').days);
    const sweepRenewals = this.worker.get(SweepRenewals);
    const sweepReminders = this.worker.get(SweepReminders);
    let month = '';
    for (const step of simulationSteps(this.associations, this.start, days)) {
      const stepMonth = DateTime.fromJSDate(step.at, { zone: this.displayZone }).toFormat('yyyy-MM');
      if (month && stepMonth !== month) onMonth(await this.monthReport(month));
      month = stepMonth;
      this.sink.label = month;
      this.clock.set(step.at);
      this.lastStep = step.at;

      // Each part settles before the next: renewals that opened schedule their reminder rows before
      // the reminder sweep looks for due ones, and that sweep's emails go before anyone renews.
      if (await this.sweep(() => sweepRenewals.execute())) await this.settle();
      if (await this.stuckCases.step(step.renewing.length > 0)) await this.settle();
      if (await this.sweep(() => sweepReminders.execute())) await this.settle();
      let renewed = 0;
      for (const code of step.renewing) renewed += await this.renewAsPlanned(this.framework.association(code), step.at);
      if (renewed) await this.settle();
    }
    if (month) onMonth(await this.monthReport(month));
  }

  /** What the outlook use case says goes out in the next `days` days, as an administrator sees it. */
  outlook(days: number): Promise<AssociationOutlook[]> {
    const simulationCaller = { id: 'simulation', personId: 'simulation', roles: ['administrator' as const], associationCode: null, sessionId: 'simulation' };
    return Promise.all(this.associations.map((a) => this.worker.get(GetOutlook).execute({ caller: simulationCaller, association: a.code, days }))).then((r) =>
      r.flat(),
    );
  }

  check(): Promise<SimulationCheck[]> {
    return checkSimulation(this, this.options.seed, this.options.shares ?? DEFAULT_SHARES);
  }

  cycle(association: Association, dueOn: string): RenewalCycle {
    const key = `${association.code}|${dueOn}`;
    return this.cycles.get(key) ?? this.cycles.set(key, renewalCycle(dueOn, association.renewal, association.timeZone)).get(key)!;
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.sink.stop();
  }

  /**
   * Endorsees whose renewal is open and who planned to renew by today log the cycle's hours
   * (approved, as staff would) and submit their renewal through the real use case.
   */
  private async renewAsPlanned(association: Association, now: Date): Promise<number> {
    const today = DateTime.fromJSDate(now, { zone: association.timeZone }).toISODate()!;
    const due = await this.ds.query<{ person: string; email: string; due_on: string }[]>(
      `SELECT DISTINCT a.applicant_id AS person, p.email, to_char(a.renewal_due_on, 'YYYY-MM-DD') AS due_on
         FROM applications a JOIN people p ON p.id = a.applicant_id
        WHERE a.association_code = $1 AND a.state = 'renewal_due'`,
      [association.code],
    );
    const shares = this.options.shares ?? DEFAULT_SHARES;
    const ready = due.filter((r) => {
      const plan = planRenewal(this.options.seed, r.email, this.cycle(association, r.due_on), association.timeZone, shares);
      return plan.day !== undefined && plan.day <= today;
    });
    const submit = this.worker.get(SubmitRenewal);
    await forEachConcurrently(ready, this.options.concurrency ?? 32, async ({ person }) => {
      await this.ds.query(
        `INSERT INTO ce_entries (person_id, kind, title, provider, completed_on, hours, dei, about_rsc, status, created_at)
         VALUES ($1, 'training', 'Relationship-based practice', 'Simulation', $2, 16, false, true, 'approved', $3),
                ($1, 'training', 'Equity in infant mental health', 'Simulation', $2, 2, true, false, 'approved', $3),
                ($1, 'rsc', 'Reflective supervision', 'Simulation', $2, 12, false, false, 'approved', $3)`,
        [person, today, now],
      );
      if ((await submit.execute(person)).gaps.length) this.refused++;
    });
    return ready.length;
  }

  /** Runs a sweep on `sweepers` workers at once; how much they found between them. */
  private async sweep(execute: () => Promise<number>): Promise<number> {
    const found = await Promise.all(Array.from({ length: this.options.sweepers ?? 2 }, execute));
    return found.reduce((a, b) => a + b, 0);
  }

  /** Waits until the worker has finished everything so far: no job pending, no outbox row or email left. */
  private async settle(): Promise<void> {
    const jobs = this.worker.get(JobQueues);
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      const counts = await Promise.all(WORK_QUEUES.map((q) => jobs.queue(q).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')));
      if (counts.every((c) => Object.values(c).every((n) => n === 0))) {
        const [{ busy }] = await this.ds.query<{ busy: boolean }[]>(
          `SELECT EXISTS (SELECT 1 FROM outbox WHERE processed_at IS NULL)
               OR EXISTS (SELECT 1 FROM email_deliveries WHERE status IN ('queued', 'sending')) AS busy`,
        );
        if (!busy) return;
      }
      if (Date.now() > deadline) throw new Error(`the worker did not finish a step's work within ${SETTLE_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async monthReport(month: string): Promise<MonthReport> {
    const from = DateTime.fromFormat(month, 'yyyy-MM', { zone: this.displayZone });
    const rows = await this.ds.query<{ event: (typeof TRANSITION_KINDS)[number]; n: number; late: number }[]>(
      `SELECT event, count(*)::int AS n, count(*) FILTER (WHERE (payload->'fee'->>'late')::boolean)::int AS late
         FROM application_events WHERE event = ANY($1) AND occurred_at >= $2 AND occurred_at < $3 GROUP BY event`,
      [TRANSITION_KINDS, from.toJSDate(), from.plus({ months: 1 }).toJSDate()],
    );
    const transitions = { open_renewal: 0, renew: 0, lapse: 0 };
    for (const r of rows) transitions[r.event] = r.n;
    return {
      month,
      transitions,
      lateRenewals: rows.find((r) => r.event === 'renew')?.late ?? 0,
      emails: this.sink.byLabel.get(month) ?? new Map<string, number>(),
    };
  }
}
