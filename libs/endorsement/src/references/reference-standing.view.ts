/**
 * Whether a reference still counts. `replaced`: the applicant gave its rater a new address or named
 * another rater (replacedBy says who took its place). `revoked`: a reinstatement asked for new
 * references, so the earlier ones no longer count. `endedAt` is when either happened.
 */
export type ReferenceStanding = 'current' | 'replaced' | 'revoked';

export interface ReferenceStandingFields {
  standing: ReferenceStanding;
  endedAt: string | null;
  replacedBy: { referenceId: string; raterName: string } | null;
}

// SQL over a reference aliased `r`, for the json_build_object of a staff or reviewer view.
export const REFERENCE_STANDING_JSON = `
  'standing', CASE WHEN r.revoked_at IS NULL THEN 'current' WHEN r.status = 'replaced' THEN 'replaced' ELSE 'revoked' END,
  'endedAt', r.revoked_at,
  'replacedBy', (SELECT json_build_object('referenceId', n.id, 'raterName', n.rater_name) FROM application_references n WHERE n.id = r.replaced_by)`;

/** Current references first, then the ended ones, each in the order they were asked for. */
export const CURRENT_REFERENCES_FIRST = `r.revoked_at IS NOT NULL, r.created_at, r.id`;

/** How many references of application `a` still count. */
export const CURRENT_REFERENCE_COUNT = `(SELECT count(*)::int FROM application_references c WHERE c.application_id = a.id AND c.revoked_at IS NULL)`;
