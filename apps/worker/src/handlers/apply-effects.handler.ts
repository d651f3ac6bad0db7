import { Injectable } from '@nestjs/common';
import { ApplyEffect } from '#endorsement';
import type { JobHandler, PayloadOf } from '#queue';

/** A run of outbox rows, as the relay publishes them. */
@Injectable()
export class ApplyEffectsHandler implements JobHandler<'applyEffects'> {
  readonly job = 'applyEffects' as const;

  constructor(private readonly applyEffect: ApplyEffect) {}

  handle({ outboxIds }: PayloadOf<'applyEffects'>): Promise<void> {
    return this.applyEffect.executeRun(outboxIds);
  }
}
