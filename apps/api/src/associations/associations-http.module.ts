import { Module } from '@nestjs/common';
import { EndorsementModule } from '#endorsement';
import { AssociationsController } from './associations.controller.js';

/** GET /api/v1/associations and their categories (public). */
@Module({
  imports: [EndorsementModule],
  controllers: [AssociationsController],
})
export class AssociationsHttpModule {}
