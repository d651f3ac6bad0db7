/** What goes out, by kind: renewal steps (each with its email) and reminder emails. */
export const OUTLOOK_KINDS = ['open_renewal', 'renewal_reminder', 'renewal_late_notice', 'lapse', 'reference_reminder', 'reference_overdue'] as const;

export type OutlookKind = (typeof OUTLOOK_KINDS)[number];

export type OutlookCounts = Record<OutlookKind, number>;

/** One association's next days: counts only, on its own calendar. */
export interface AssociationOutlook {
  association: string;
  timeZone: string;
  /** The window: from now to local midnight after `until` (local calendar days). */
  from: string;
  until: string;
  /** Days with something due, in order; anything overdue goes out today. */
  days: { date: string; counts: OutlookCounts }[];
  totals: OutlookCounts;
}

export function emptyCounts(): OutlookCounts {
  return Object.fromEntries(OUTLOOK_KINDS.map((k) => [k, 0])) as OutlookCounts;
}
