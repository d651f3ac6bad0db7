import { Injectable } from '@nestjs/common';
import { TakeRenewalStep } from '#endorsement';
import type { JobHandler, PayloadOf } from '#queue';

@Injectable()
export class RenewalStepHandler implements JobHandler<'renewalStep'> {
  readonly job = 'renewalStep' as const;

  constructor(private readonly step: TakeRenewalStep) {}

  async handle(payload: PayloadOf<'renewalStep'>): Promise<void> {
    await this.step.execute(payload);
  }
}
