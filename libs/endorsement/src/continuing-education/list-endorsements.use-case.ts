import { Injectable } from '@nestjs/common';
import { EndorsementsRepository, type EndorsementView } from '../renewal/endorsements.repository.js';

/** The endorsements a person holds or held (renewal due, lapsed, under reinstatement), oldest first. */
@Injectable()
export class ListEndorsements {
  constructor(private readonly endorsements: EndorsementsRepository) {}

  async execute(personId: string): Promise<{ endorsements: EndorsementView[] }> {
    return { endorsements: await this.endorsements.listHeldBy(personId) };
  }
}
