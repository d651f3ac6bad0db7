import { DateTime } from 'luxon';
import type { Association } from '#framework';

/** One instant the simulated clock stops at, and the associations whose endorsees act then. */
export interface SimulationStep {
  at: Date;
  /** Associations whose endorsees who planned to renew today (or earlier) do so now, after the sweeps. */
  renewing: string[];
}

// Just after local midnight (renewals open and lapse) and just after 09:00 (reminders go out): every
// instant the renewal calendar uses. Endorsees act in the morning step, after that day's reminder.
const MIDNIGHT = { hour: 0, second: 30 };
const MORNING = { hour: 9, second: 30 };

/** Every step from `start` for `days` local days in each association's time zone, in time order. */
export function simulationSteps(associations: Association[], start: Date, days: number): SimulationStep[] {
  const byInstant = new Map<number, SimulationStep>();
  const at = (instant: DateTime) =>
    byInstant.get(instant.toMillis()) ?? byInstant.set(instant.toMillis(), { at: instant.toJSDate(), renewing: [] }).get(instant.toMillis())!;
  for (const association of associations) {
    const first = DateTime.fromJSDate(start, { zone: association.timeZone }).startOf('day');
    for (let d = 0; d < days; d++) {
      const day = first.plus({ days: d });
      at(day.set(MIDNIGHT));
      at(day.set(MORNING)).renewing.push(association.code);
    }
  }
  return [...byInstant.values()].filter((s) => s.at >= start).sort((a, b) => a.at.getTime() - b.at.getTime());
}
