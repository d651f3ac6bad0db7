/** A continuing-education entry as its endorsee and staff see it. */
export interface CeEntryView {
  id: string;
  kind: 'training' | 'rsc';
  title: string;
  provider: string;
  /** A calendar date (YYYY-MM-DD). */
  completedOn: string;
  hours: number;
  dei: boolean;
  aboutRsc: boolean;
  competencyAreas: string[];
  status: 'pending' | 'approved' | 'rejected';
  reviewedAt: Date | null;
  /** Why staff rejected it, told to the endorsee. */
  reviewNote: string | null;
  createdAt: Date;
}

/** What an endorsee logs: the entry as they see it, before review. */
export type NewCeEntry = Pick<CeEntryView, 'kind' | 'title' | 'provider' | 'completedOn' | 'hours' | 'dei' | 'aboutRsc' | 'competencyAreas'> & {
  personId: string;
};

/** An entry as staff review it: with whose it is. */
export type CeEntryForReview = CeEntryView & { personId: string; fullName: string };
