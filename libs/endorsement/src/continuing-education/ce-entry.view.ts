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

/** The columns of a CeEntryView, from `ce_entries c`. */
export const CE_ENTRY_COLUMNS = `c.id, c.kind, c.title, c.provider, to_char(c.completed_on, 'YYYY-MM-DD') AS "completedOn", c.hours::float8 AS hours,
  c.dei, c.about_rsc AS "aboutRsc", c.competency_areas AS "competencyAreas", c.status, c.reviewed_at AS "reviewedAt",
  c.review_note AS "reviewNote", c.created_at AS "createdAt"`;
