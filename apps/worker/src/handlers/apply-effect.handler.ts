import { Injectable } from '@nestjs/common';
import { ApplyEffect } from '#endorsement';
import type { JobHandler, PayloadOf } from '#queue';

/** One outbox row on its own: what a failed run of rows is split into. */
@Injectable()
export class ApplyEffectHandler implements JobHandler<'applyEffect'> {
  readonly job = 'applyEffect' as const;

  constructor(private readonly applyEffect: ApplyEffect) {}

  handle({ outboxId }: PayloadOf<'applyEffect'>): Promise<void> {
    return this.applyEffect.execute([outboxId]);
  }
}
