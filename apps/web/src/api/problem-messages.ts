import type { ApiProblem } from './problem';

/**
 * Plain sentences for the problems a person can meet in the pages. Codes not listed here fall back
 * to the API's own `detail`, which is written for people too; these read better in a form.
 */
const MESSAGES: Record<string, string> = {
  network_error: 'We could not reach the server. Check your internet connection and try again.',
  server_error: 'Something went wrong on our side. Please try again in a minute.',
  not_ready: 'The service is starting or busy. Please try again in a minute.',
  invalid_credentials: 'That email address and password do not match an account. Check them, or reset your password.',
  invalid_refresh_token: 'Your session has ended. Please sign in again.',
  authentication_required: 'Please sign in to continue.',
  token_expired: 'Your session has ended. Please sign in again.',
  invalid_token: 'Your session has ended. Please sign in again.',
  forbidden: 'Your account cannot do this. If you think it should, contact your association.',
  invalid_link: 'This link has expired, was already used, or is not one we sent. Ask for a new one.',
  email_taken: 'An account with this email address already exists. Sign in, or reset its password.',
  validation_failed: 'Some answers need fixing. They are marked below.',
  version_conflict: 'Someone changed this while you were working on it. Reload to see the latest version, then try again.',
  application_not_found: 'We could not find this application. It may belong to another account.',
  application_not_editable: 'This application can no longer be changed here.',
  cross_origin_request: 'Your browser blocked this request. Reload the page and try again.',
  category_not_offered: 'Your association does not offer this category.',
  application_exists: 'You already have an application for this category.',
  not_eligible: 'The application is not ready to submit yet: see the checklist.',
  already_claimed: 'Someone else is already working on this application.',
  invalid_assignee: 'This person cannot take applications of this association.',
  event_not_allowed: 'This step is not possible in the application’s current state. Reload to see where it stands.',
  reviewers_not_eligible: 'Choose two reviewers of this association, neither of them the applicant.',
  panel_votes_in: 'A reviewer has already voted, so the panel can no longer be changed.',
  not_in_panel_review: 'The application is no longer waiting for its review panel.',
  panel_not_escalated: 'The reviewers do not disagree: there is nothing to decide.',
  review_not_found: 'This application is not (or no longer) yours to review: the panel may have changed. Your reviews are listed under “All my reviews”.',
  rater_not_independent: 'A reference must be someone else, with their own email address.',
};

/**
 * The sentence to show a person for a problem, with how long to wait when the API says so. The
 * limit on rater changes is the API's own sentence: it says which limit and when, in hours.
 */
export function messageFor(problem: ApiProblem): string {
  if (problem.code === 'too_many_rater_changes' && problem.problem.detail) return problem.problem.detail;
  if (problem.code === 'too_many_requests' || problem.status === 429) {
    const wait = problem.problem.retryAfter;
    return wait ? `Too many tries. Please wait ${wait} seconds and try again.` : 'Too many tries. Please wait a little and try again.';
  }
  return MESSAGES[problem.code] ?? problem.problem.detail ?? problem.problem.title;
}
