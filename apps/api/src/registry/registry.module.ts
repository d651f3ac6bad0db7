import { Module } from '@nestjs/common';
import { EndorsementModule } from '#endorsement';
import { RegistryController } from './registry.controller.js';

/** GET /api/v1/registry (public) and the endorsee's opt-in. */
@Module({
  imports: [EndorsementModule],
  controllers: [RegistryController],
})
export class RegistryModule {}
