import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';
import { encodeKeysetCursor } from '../staff/keyset-cursor.js';

export interface SearchRegistryQuery {
  association?: string;
  category?: string;
  /** Part of a name, or an endorsement number. */
  q?: string;
  /** The (name, id) key of the previous page's last entry. */
  after?: { name: string; id: string };
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
    private readonly dataSource: DataSource,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(query: SearchRegistryQuery): Promise<{ items: RegistryEntry[]; nextCursor: string | null }> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`a.registry_listed`, `a.state IN ('endorsed', 'renewal_due')`];
    if (query.association) where.push(`a.association_code = ${param(query.association)}`);
    if (query.category) where.push(`a.category_code = ${param(query.category)}`);
    if (query.q) {
      const like = param(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(p.full_name ILIKE ${like} OR a.endorsement_number = ${param(query.q)})`);
    }
    if (query.after) where.push(`(p.full_name, a.id) > (${param(query.after.name)}, ${param(query.after.id)}::uuid)`);
    const rows = await this.dataSource.query<{ id: string; full_name: string; association_code: string; category_code: string; track_code: string | null; state: RegistryEntry['status']; endorsement_number: string }[]>(
      `SELECT a.id, p.full_name, a.association_code, a.category_code, a.track_code, a.state, a.endorsement_number
         FROM applications a JOIN people p ON p.id = a.applicant_id
        WHERE ${where.join(' AND ')}
        ORDER BY p.full_name, a.id
        LIMIT ${param(query.limit + 1)}`,
      params,
    );
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
