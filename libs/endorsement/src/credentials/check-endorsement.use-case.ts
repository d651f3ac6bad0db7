import { Inject, Injectable } from '@nestjs/common';
import type { Framework } from '#framework';
import { FRAMEWORK, ProblemException } from '#platform';
import { EndorsementsRepository } from '../renewal/endorsements.repository.js';
import { CURRENT_STATES } from './held-endorsement.js';

/** All the public check tells about an endorsement number. */
export interface EndorsementCheck {
  endorsementNumber: string;
  holderName: string;
  categoryName: string;
  association: { code: string; name: string };
  /** `active` while endorsed (a renewal being due included); `lapsed` otherwise, including while a reinstatement is reviewed. */
  status: 'active' | 'lapsed';
}

/**
 * The public check of one endorsement number, for employers: who holds it, in which category, and
 * whether it stands today. An unknown number is a 404 no different from any other (one indexed
 * lookup either way); nothing lists numbers.
 */
@Injectable()
export class CheckEndorsement {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(endorsementNumber: string): Promise<EndorsementCheck> {
    const row = await this.endorsements.findByNumber(endorsementNumber);
    if (!row) throw new ProblemException(404, 'endorsement_not_found', 'Endorsement not found', 'No endorsement has this number.');
    return {
      endorsementNumber: row.endorsement_number,
      holderName: row.full_name,
      categoryName: this.framework.displayName(row.association_code, row.category_code, row.track_code ?? undefined),
      association: { code: row.association_code, name: this.framework.association(row.association_code).name },
      status: CURRENT_STATES.includes(row.state) ? 'active' : 'lapsed',
    };
  }
}
