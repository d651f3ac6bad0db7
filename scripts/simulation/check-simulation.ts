import { DateTime } from 'luxon';
import { renewalCycleKey } from '#endorsement';
import { planRenewal, type RenewalShares } from './endorsee-plan.js';
import type { RenewalSimulation } from './renewal-simulation.js';

export interface SimulationCheck {
  name: string;
  ok: boolean;
  /** How many were checked, and the first few failures. */
  detail: string;
}

interface EndorsementRow {
  id: string;
  applicant_id: string;
  association_code: string;
  email: string;
  due_on: string;
  events: { event: 'open_renewal' | 'renew' | 'lapse'; at: string; due_on: string | null; late: boolean | null; fee: number | null }[] | null;
  /** Reminder offsets fired, by cycle key: a person's cycle is reminded once for all its endorsements. */
  fired: Record<string, number[]> | null;
}

/**
 * The end-of-run checks, from what the database recorded and what the SMTP server received: per
 * endorsement and cycle, the renewal opened on its day; each reminder whose time came while the
 * cycle was open went out exactly once (none before the opening, none after the renewal or lapse);
 * renewals in the late window paid the late fee, once per person and cycle; unrenewed endorsements
 * lapsed on the right day; each endorsee did what they planned; one email per renewal step and
 * cycle; no email arrived twice.
 */
export async function checkSimulation(sim: RenewalSimulation, seed: number, shares: RenewalShares): Promise<SimulationCheck[]> {
  const lastStep = sim.lastStep!;
  const failures = new Map<string, string[]>();
  const counted = new Map<string, number>();
  const check = (name: string, ok: boolean, example: () => string) => {
    counted.set(name, (counted.get(name) ?? 0) + 1);
    if (!ok) (failures.get(name) ?? failures.set(name, []).get(name)!).push(example());
  };
  const names = [
    'renewal opened on its day',
    'each reminder exactly once while due',
    'no reminder after renewal or lapse',
    'late fee exactly when late',
    'lapsed on the right day',
    'endorsees did as planned',
  ];
  for (const name of names) failures.set(name, []);

  // One row per endorsement: its renewal events in order (a renewal's fee is on the event of the
  // endorsement it was charged with), and the offsets of the reminders fired per cycle of its holder.
  const rows = await sim.ds.query<EndorsementRow[]>(
    `WITH events AS (
       SELECT e.application_id, json_agg(json_build_object('event', e.event, 'at', e.occurred_at, 'due_on', e.payload->>'dueOn',
                                                           'late', (c.fee->>'late')::boolean, 'fee', (c.fee->>'amount')::numeric) ORDER BY e.version) AS events
         FROM application_events e
         LEFT JOIN LATERAL (SELECT coalesce(e.payload->'fee', (SELECT w.payload->'fee' FROM application_events w
                                                                WHERE w.application_id = (e.payload->>'feeChargedWith')::uuid AND w.event = 'renew'
                                                                  AND w.payload->>'dueOn' = e.payload->>'dueOn')) AS fee) c ON true
        WHERE e.event IN ('open_renewal', 'renew', 'lapse') GROUP BY e.application_id),
     fired AS (
       SELECT applicant_id, json_object_agg(subject_key, offsets) AS fired FROM (
         SELECT a.applicant_id, r.subject_key, array_agg(r.offset_days ORDER BY r.offset_days) AS offsets
           FROM reminders r JOIN applications a ON a.id = r.application_id
          WHERE r.kind = 'renewal_reminder' AND r.status = 'done' GROUP BY a.applicant_id, r.subject_key) f
        GROUP BY applicant_id)
     SELECT a.id, a.applicant_id, a.association_code, p.email, to_char(a.renewal_due_on, 'YYYY-MM-DD') AS due_on, events.events, fired.fired
       FROM applications a JOIN people p ON p.id = a.applicant_id
       LEFT JOIN events ON events.application_id = a.id LEFT JOIN fired ON fired.applicant_id = a.applicant_id
      WHERE a.endorsed_at IS NOT NULL`,
  );

  for (const row of rows) {
    const association = sim.framework.association(row.association_code);
    const zone = association.timeZone;
    const localDay = (d: Date) => DateTime.fromJSDate(d, { zone }).toISODate();
    const events = row.events ?? [];
    const fired = row.fired ?? {};
    for (let i = 0; i < events.length; i++) {
      const open = events[i];
      if (open.event !== 'open_renewal') continue;
      const end = events[i + 1];
      // A renewal names its cycle; a lapse or a cycle still open is the endorsement's current one.
      const dueOn = end?.event === 'renew' ? end.due_on! : row.due_on;
      const cycle = sim.cycle(association, dueOn);
      const openedAt = new Date(open.at);
      const endedAt = end ? new Date(end.at) : lastStep;
      const tag = `${row.id} due ${dueOn}`;

      check(
        'renewal opened on its day',
        openedAt >= cycle.opensAt && localDay(openedAt) === localDay(later(cycle.opensAt, sim.start)),
        () => `${tag}: opened ${open.at}`,
      );

      const expected = cycle.reminders.filter((r) => r.at > openedAt && r.at <= endedAt).map((r) => offsetOf(r.key));
      const got = fired[renewalCycleKey(row.applicant_id, row.association_code, dueOn)] ?? [];
      check(
        'each reminder exactly once while due',
        sameOffsets(expected, got),
        () => `${tag}: expected offsets ${sorted(expected).join(', ')}, fired ${got.join(', ')}`,
      );
      const afterEnd = cycle.reminders.filter((r) => r.at > endedAt && got.includes(offsetOf(r.key)));
      check(
        'no reminder after renewal or lapse',
        afterEnd.length === 0,
        () => `${tag}: ended ${endedAt.toISOString()}, fired ${afterEnd.map((r) => r.key).join(', ')}`,
      );

      const plan = planRenewal(seed, row.email, cycle, zone, shares);
      if (end?.event === 'renew') {
        const endedLate = endedAt >= cycle.lateFrom;
        const fee = association.renewal.fee + (endedLate ? association.renewal.lateFee : 0);
        check(
          'late fee exactly when late',
          end.late === endedLate && Number(end.fee) === fee,
          () => `${tag}: renewed ${end.at}, fee ${end.fee} late ${end.late}`,
        );
        check(
          'endorsees did as planned',
          plan.outcome === (endedLate ? 'late' : 'on_time') && localDay(endedAt)! >= plan.day!,
          () => `${tag}: planned ${JSON.stringify(plan)}, renewed ${end.at}`,
        );
      } else if (end?.event === 'lapse') {
        check(
          'lapsed on the right day',
          endedAt >= cycle.lapsesAt && localDay(endedAt) === localDay(cycle.lapsesAt),
          () => `${tag}: lapsed ${end.at}, due to lapse ${cycle.lapsesAt.toISOString()}`,
        );
        check('endorsees did as planned', plan.outcome === 'lapse', () => `${tag}: planned ${JSON.stringify(plan)}, lapsed ${end.at}`);
      } else {
        // Still open at the end: only if its lapse (or the planned renewal day) is after the last step.
        check(
          'lapsed on the right day',
          cycle.lapsesAt > lastStep,
          () => `${tag}: not lapsed by ${lastStep.toISOString()}, due to lapse ${cycle.lapsesAt.toISOString()}`,
        );
      }
    }
  }

  const results: SimulationCheck[] = names.map((name) => {
    const failed = failures.get(name)!;
    return {
      name,
      ok: failed.length === 0,
      detail: `${counted.get(name) ?? 0} checked, ${failed.length} failed${failed.length ? `: ${failed.slice(0, 3).join('; ')}` : ''}`,
    };
  });
  results.push(...(await sim.stuckCases.check(lastStep)), await oneFeePerRenewal(sim), await emailsMatchEvents(sim), noEmailTwice(sim), {
    name: 'every renewal submitted was accepted',
    ok: sim.refused === 0,
    detail: `${sim.refused} refused`,
  });
  return results;
}

/** A person's endorsements renewed together (one association, one due day) pay one fee. */
async function oneFeePerRenewal(sim: RenewalSimulation): Promise<SimulationCheck> {
  const [r] = await sim.ds.query<{ renewals: number; wrong: number; several: number }[]>(
    `SELECT count(*)::int AS renewals, count(*) FILTER (WHERE fees <> 1)::int AS wrong, count(*) FILTER (WHERE endorsements > 1)::int AS several FROM (
       SELECT count(*) FILTER (WHERE e.payload ? 'fee') AS fees, count(*) AS endorsements
         FROM application_events e JOIN applications a ON a.id = e.application_id
        WHERE e.event = 'renew' GROUP BY a.applicant_id, a.association_code, e.payload->>'dueOn') r`,
  );
  return {
    name: 'one fee per renewal',
    ok: r.wrong === 0,
    detail: `${r.renewals} renewals (${r.several} of several categories), ${r.wrong} not charged exactly once`,
  };
}

/**
 * One renewal_open, renewed and lapsed email per renewal step of a person's cycle, however many
 * endorsements it moved; everything recorded as sent arrived.
 */
async function emailsMatchEvents(sim: RenewalSimulation): Promise<SimulationCheck> {
  const cycles = (event: string) =>
    `(SELECT count(DISTINCT (a.applicant_id, a.association_code, e.payload->>'dueOn')) FROM application_events e JOIN applications a ON a.id = e.application_id WHERE e.event = '${event}')::int`;
  const [r] = await sim.ds.query<Record<string, number>[]>(
    `SELECT ${cycles('open_renewal')} AS opens,
            (SELECT count(*) FROM email_deliveries WHERE template = 'renewal_open')::int AS open_emails,
            ${cycles('renew')} AS renews,
            (SELECT count(*) FROM email_deliveries WHERE template = 'renewed')::int AS renewed_emails,
            ${cycles('lapse')} AS lapses,
            (SELECT count(*) FROM email_deliveries WHERE template = 'lapsed')::int AS lapsed_emails,
            (SELECT count(*) FROM email_deliveries WHERE status = 'sent')::int AS sent,
            (SELECT count(*) FROM email_deliveries WHERE status <> 'sent')::int AS unsent`,
  );
  const ok = r.opens === r.open_emails && r.renews === r.renewed_emails && r.lapses === r.lapsed_emails && r.unsent === 0 && r.sent === sim.sink.arrivals.size;
  return {
    name: 'one email per renewal step, every email delivered',
    ok,
    detail: `${JSON.stringify(r)}, distinct deliveries received ${sim.sink.arrivals.size}`,
  };
}

function noEmailTwice(sim: RenewalSimulation): SimulationCheck {
  const twice = [...sim.sink.arrivals.values()].filter((n) => n > 1).length;
  return { name: 'no email received twice', ok: twice === 0, detail: `${sim.sink.received} received, ${twice} more than once` };
}

/** `before-30` → 30; `late-2` → -2, as reminder rows store them. */
function offsetOf(key: string): number {
  const [kind, n] = key.split('-');
  return kind === 'late' ? -Number(n) : Number(n);
}

function sorted(offsets: number[]): number[] {
  return [...offsets].sort((a, b) => a - b);
}

function sameOffsets(expected: number[], got: number[]): boolean {
  return JSON.stringify(sorted(expected)) === JSON.stringify(sorted(got));
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}
