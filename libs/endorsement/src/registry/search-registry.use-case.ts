import { Inject, Injectable } from '@nestjs/common';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';
import { EndorsementsRepository, type RegistryFilter } from '../renewal/endorsements.repository.js';
import { encodeKeysetCursor } from '../staff/keyset-cursor.js';

export interface SearchRegistryQuery extends RegistryFilter {
  limit: number;
}

export interface RegistryEntry {
  name: string;
  categoryName: string;
  association: { code: string; name: string };
  status: 'endorsed' | 'renewal_due';
  endorsementNumber: string;
}

/**
 * The public registry: endorsements in good standing whose holders opted in, by name. Renewal due
 * still counts as endorsed; a lapsed endorsement has left the registry (registry.remove effect).
 */
@Injectable()
export class SearchRegistry {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(query: SearchRegistryQuery): Promise<{ items: RegistryEntry[]; nextCursor: string | null }> {
    // One more than the page: whether there is a next page.
    const rows = await this.endorsements.searchRegistry(query, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        name: r.full_name,
        categoryName: this.framework.displayName(r.association_code, r.category_code, r.track_code ?? undefined),
        association: { code: r.association_code, name: this.framework.association(r.association_code).name },
        status: r.state,
        endorsementNumber: r.endorsement_number,
      })),
      nextCursor: rows.length > query.limit && last ? encodeKeysetCursor([last.full_name, last.id]) : null,
    };
  }
}
