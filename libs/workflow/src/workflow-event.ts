export const WORKFLOW_EVENTS = [
  'submit',
  'begin_reference_checks',
  'complete_references',
  'approve_exam',
  'pass_exam',
  'fail_exam',
  'panel_endorse',
  'panel_defer',
  'panel_deny',
  'panel_escalate',
  'resubmit',
  'hold',
  'resume',
  'withdraw',
  'open_renewal',
  'renew',
  'lapse',
  'reinstate',
  'expire_exam_approval',
] as const;

export type WorkflowEvent = (typeof WORKFLOW_EVENTS)[number];
