import type { Role } from '#workflow';

/** A request to move an application along the state machine. */
export interface TransitionCommand {
  readonly applicationId: string;
  readonly event: string;
  readonly actor: { readonly id: string | null; readonly role: Role };
  /** Staff act on their own association's applications: another's is not found, like a missing one. */
  readonly associationScope?: string;
  /** The version the caller saw (HTTP If-Match); omitted by system callers that act on the latest. */
  readonly expectedVersion?: number;
  readonly reason?: string;
  readonly payload?: Record<string, unknown>;
}

export interface TransitionResult {
  readonly applicationId: string;
  readonly from: string;
  readonly to: string;
  readonly version: number;
  readonly eventId: string;
  readonly outboxIds: string[];
}
