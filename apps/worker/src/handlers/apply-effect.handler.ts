import { Injectable } from '@nestjs/common';
import { ApplyEffect } from '#endorsement';
import type { JobHandler, PayloadOf } from '#queue';

@Injectable()
export class ApplyEffectHandler implements JobHandler<'applyEffect'> {
  readonly job = 'applyEffect' as const;

  constructor(private readonly applyEffect: ApplyEffect) {}

  handle({ outboxId }: PayloadOf<'applyEffect'>): Promise<void> {
    return this.applyEffect.execute(outboxId);
  }
}
