import { Inject, Injectable } from '@nestjs/common';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';

export interface AssociationSummary {
  code: string;
  name: string;
  region: string | null;
}

/** The associations a person may register with, by name: as the framework data has them. */
@Injectable()
export class ListAssociations {
  constructor(@Inject(FRAMEWORK) private readonly framework: Framework) {}

  execute(): AssociationSummary[] {
    return [...this.framework.associations.values()]
      .map(({ code, name, region }) => ({ code, name, region: region ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }
}
