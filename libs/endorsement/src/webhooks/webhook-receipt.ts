import type { BounceOutcome } from '../notifications/record-bounce.use-case.js';

/** What a provider's delivery of events did: `recorded` bounces and complaints, `ignored` other events or unknown messages. */
export interface WebhookReceipt {
  recorded: number;
  ignored: number;
}

export function receiptOf(outcomes: readonly BounceOutcome[], otherEvents: number): WebhookReceipt {
  const recorded = outcomes.filter((o) => o === 'recorded').length;
  return { recorded, ignored: outcomes.length - recorded + otherEvents };
}
