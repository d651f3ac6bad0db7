import { Inject, Injectable } from '@nestjs/common';
import { describeRequirements, offersTrack, type Framework, type RequirementsSummary } from '#framework';
import { FRAMEWORK } from '#platform';
import { associationNotFound } from './association-not-found.js';

export interface Money {
  amount: number;
  currency: string;
}

export interface OfferedTrack {
  code: string;
  name: string;
  requirements: RequirementsSummary;
}

export interface OfferedCategory {
  code: string;
  /** As the association names it. */
  name: string;
  level: number;
  /** Whether it asks for the exam; for a category with tracks, whether any track does (each says). */
  examRequired: boolean;
  applicationFee: Money;
  /** Yearly, one per person whatever the number of categories. */
  renewalFee: Money;
  /** Added to the renewal fee from the day after the due day. */
  lateRenewalFee: Money;
  /** The tracks the association offers; an applicant chooses one. Empty for a category without tracks. */
  tracks: OfferedTrack[];
  /** What the category asks; null when it has tracks, each with its own. */
  requirements: RequirementsSummary | null;
}

export interface AssociationCategories {
  association: { code: string; name: string };
  categories: OfferedCategory[];
}

/**
 * The categories an association offers, as it names them, with what each asks and costs: read from
 * the rules snapshot an application would pin, so it says what the eligibility check will apply.
 */
@Injectable()
export class ListAssociationCategories {
  constructor(@Inject(FRAMEWORK) private readonly framework: Framework) {}

  execute(associationCode: string): AssociationCategories {
    const association = this.framework.associations.get(associationCode);
    if (!association) throw associationNotFound(associationCode);
    const money = (amount: number): Money => ({ amount, currency: association.currency });
    const categories = this.framework.categories
      .filter((category) => association.categories[category.code])
      .map((category): OfferedCategory => {
        const offered = association.categories[category.code];
        const describe = (trackCode?: string) => describeRequirements(this.framework.rulesSnapshot(association.code, category.code, trackCode));
        const tracks = category.tracks
          .filter((track) => offersTrack(offered, track.code))
          .map((track) => ({
            code: track.code,
            name: this.framework.displayName(association.code, category.code, track.code),
            requirements: describe(track.code),
          }));
        const requirements = tracks.length ? null : describe();
        return {
          code: category.code,
          name: offered.displayName ?? category.name,
          level: category.level,
          examRequired: requirements ? requirements.examRequired : tracks.some((track) => track.requirements.examRequired),
          applicationFee: money(offered.applicationFee),
          renewalFee: money(association.renewal.fee),
          lateRenewalFee: money(association.renewal.lateFee),
          tracks,
          requirements,
        };
      });
    return { association: { code: association.code, name: association.name }, categories };
  }
}
