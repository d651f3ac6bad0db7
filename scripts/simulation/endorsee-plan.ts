import { DateTime } from 'luxon';
import type { RenewalCycle } from '#endorsement';

export type RenewalOutcome = 'on_time' | 'late' | 'lapse';

/** Shares of endorsees who renew before the due day and in the late window; the rest lapse. */
export interface RenewalShares {
  onTime: number;
  late: number;
}

export const DEFAULT_SHARES: RenewalShares = { onTime: 0.75, late: 0.15 };

/** What one endorsee does in one cycle: renew on a local day (in the morning), or let it lapse. */
export interface RenewalPlan {
  outcome: RenewalOutcome;
  /** The local day they renew; absent for a lapse. */
  day?: string;
}

/**
 * A deterministic choice per endorsee and cycle (the same seed gives the same run): whether they
 * renew on time, late or not at all, and on which day of that stretch.
 */
export function planRenewal(seed: number, person: string, cycle: RenewalCycle, timeZone: string, shares: RenewalShares = DEFAULT_SHARES): RenewalPlan {
  const [u, v] = uniforms(`${seed}|${person}|${cycle.dueOn}`);
  const day = (from: Date, to: Date) => {
    const first = DateTime.fromJSDate(from, { zone: timeZone }).startOf('day');
    const span = Math.floor(DateTime.fromJSDate(to, { zone: timeZone }).startOf('day').diff(first, 'days').days);
    return first.plus({ days: Math.floor(v * span) }).toISODate()!;
  };
  if (u < shares.onTime) return { outcome: 'on_time', day: day(cycle.opensAt, cycle.lateFrom) };
  if (u < shares.onTime + shares.late) return { outcome: 'late', day: day(cycle.lateFrom, cycle.lapsesAt) };
  return { outcome: 'lapse' };
}

/** Two numbers in [0, 1) from a string (FNV-1a, then a xorshift step): cheap and reproducible. */
function uniforms(key: string): [number, number] {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  let x = h || 1;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return [h / 2 ** 32, (x >>> 0) / 2 ** 32];
}
