import type { Association as AssociationData } from './schema/association.schema.js';
import type { CompetencyDomain as CompetencyDomainData } from './schema/competencies.schema.js';
import type { ExamRules as ExamRulesData } from './schema/exam.schema.js';
import type { RatingForm as RatingFormData } from './schema/rating-form.schema.js';
import type { Requirements } from './schema/requirements.schema.js';

/** The loaded framework is frozen; its types say so all the way down. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type Association = DeepReadonly<AssociationData>;
export type CompetencyDomain = DeepReadonly<CompetencyDomainData>;
export type ExamRules = DeepReadonly<ExamRulesData>;
export type RatingForm = DeepReadonly<RatingFormData>;

export interface EducationLevel {
  readonly code: string;
  readonly label: string;
}

export interface TrackDefinition {
  readonly code: string;
  readonly label: string;
  readonly credential: string;
}

export interface CategoryDefinition {
  readonly code: string;
  /** The framework's name; associations may display another (see Framework.displayName). */
  readonly name: string;
  readonly level: number;
  /** Null when the category is held through one of its tracks' credentials. */
  readonly credential: string | null;
  readonly tracks: readonly TrackDefinition[];
}

/** Everything one category (and track) requires: category data, track over it, association overrides over that. */
export type CategoryRules = DeepReadonly<
  {
    category: string;
    track: string | null;
    credential: string;
    level: number;
    /** The exam rules when the category requires an exam, with the association's overrides. */
    exam: ExamRulesData | null;
  } & Requirements
>;

/**
 * Everything needed to judge an application, as plain JSON. The core stores it on the application at
 * submission, so later data changes never change the rules an open application is judged by.
 */
export type RulesSnapshot = DeepReadonly<{
  version: string;
  association: { code: string; name: string; timeZone: string; currency: string };
  /** The category's (and track's) name as the association displays it. */
  displayName: string;
  applicationFee: number;
  /** Lowest first. */
  educationLevels: EducationLevel[];
  /** Display names of every credential (e.g. RSC providers' credentials in messages). */
  credentialNames: Record<string, string>;
  rules: CategoryRules;
}>;

export interface Framework {
  readonly version: string;
  /** Speaks for accounts of no one association (Alliance-wide administrators). */
  readonly alliance: { readonly name: string; readonly timeZone: string };
  /** Lowest first. */
  readonly educationLevels: readonly EducationLevel[];
  readonly categories: readonly CategoryDefinition[];
  readonly competencyDomains: readonly CompetencyDomain[];
  readonly ratingForm: RatingForm;
  /** The default exam rules; Framework.rules gives them with an association's overrides. */
  readonly exam: ExamRules;
  readonly associations: ReadonlyMap<string, Association>;
  /** Throws FrameworkLookupError for an unknown code. */
  association(code: string): Association;
  /**
   * The resolved rules of a category (and track, required when the category has tracks). With an
   * association code, that association's overrides are applied and the category must be offered there.
   */
  rules(categoryCode: string, trackCode?: string, associationCode?: string): CategoryRules;
  displayName(associationCode: string, categoryCode: string, trackCode?: string): string;
  rulesSnapshot(associationCode: string, categoryCode: string, trackCode?: string): RulesSnapshot;
}
