import type { WorkflowEvent } from '#workflow';

/**
 * Events that carry more than a reason (scores, votes, an exam approval date) and have routes of
 * their own; the generic staff transition route refuses them, naming the route to use.
 */
export const DEDICATED_ENDPOINTS: Partial<Readonly<Record<WorkflowEvent, string>>> = {
  approve_exam: 'POST /api/v1/staff/applications/{id}/exam-approval',
  // Decided by the scores: the last of part 1 and the part 2 scores fires pass or fail.
  pass_exam: 'POST /api/v1/exam/papers/{paperId}/part1 and POST /api/v1/exam/papers/{paperId}/part2-scores',
  fail_exam: 'POST /api/v1/exam/papers/{paperId}/part1 and POST /api/v1/exam/papers/{paperId}/part2-scores',
  // Decided by the two reviewers' votes; an administrator decides when they disagree.
  panel_endorse: 'POST /api/v1/reviews/{applicationId}/vote, or POST /api/v1/staff/applications/{id}/panel-decision after an escalation',
  panel_defer: 'POST /api/v1/reviews/{applicationId}/vote, or POST /api/v1/staff/applications/{id}/panel-decision after an escalation',
  panel_deny: 'POST /api/v1/reviews/{applicationId}/vote, or POST /api/v1/staff/applications/{id}/panel-decision after an escalation',
  panel_escalate: 'POST /api/v1/reviews/{applicationId}/vote (two votes that disagree escalate by themselves)',
};
