/**
 * The application's current review round (SQL over `applications a`): how many times it has come to
 * panel review, after references, the exam or a resubmission; a resume from hold is the same round.
 * A deferral and resubmission thus start a new round with new reviewers and votes.
 */
export const CURRENT_ROUND = `(SELECT count(*)::int FROM application_events e
   WHERE e.application_id = a.id AND e.to_state = 'panel_review' AND e.from_state NOT IN ('panel_review', 'on_hold'))`;
