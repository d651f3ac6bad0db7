import type { ApplicationState } from '#workflow';

/** What the transition path reads of an application, inside its transaction. */
export interface ApplicationRow {
  id: string;
  state: ApplicationState;
  version: number;
  held_from: ApplicationState | null;
  reinstatement: boolean;
  rules: Record<string, unknown>;
  portfolio: Record<string, unknown>;
  amended_at: Date | null;
  exam_approved_at: Date | null;
  state_changed_at: Date;
}
