import type { Association } from '#framework';
import { renewalCycle } from '../renewal/renewal-calendar.js';
import type { OutlookKind } from './outlook.js';

/** Endorsements of one association sharing a state and due day. */
export interface DueGroup {
  state: 'endorsed' | 'renewal_due';
  dueOn: string;
  count: number;
}

/**
 * The renewal steps a group will take in [now, until), on the renewal calendar, as if no one renews
 * meanwhile: an endorsed group opens (at the next sweep if its opening has passed) and then gets
 * the reminders of its cycle that are still ahead; a group already due lapses when its late window
 * ends. Reminders of cycles already open are rows, counted by the caller.
 */
export function renewalSteps(group: DueGroup, association: Association, now: Date, until: Date): { kind: OutlookKind; at: Date; count: number }[] {
  const cycle = renewalCycle(group.dueOn, association.renewal, association.timeZone);
  const inWindow = (at: Date) => at < until;
  if (group.state === 'renewal_due') {
    const at = later(cycle.lapsesAt, now);
    return inWindow(at) ? [{ kind: 'lapse', at, count: group.count }] : [];
  }
  const opensAt = later(cycle.opensAt, now);
  if (!inWindow(opensAt)) return [];
  return [
    { kind: 'open_renewal', at: opensAt, count: group.count },
    // As `renewal.schedule` does: reminders whose time passed before the opening are not owed.
    ...cycle.reminders
      .filter((r) => r.at > opensAt && inWindow(r.at))
      .map((r) => ({ kind: r.late ? ('renewal_late_notice' as const) : ('renewal_reminder' as const), at: r.at, count: group.count })),
  ];
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}
