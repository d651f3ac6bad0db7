import type { Association, CategoryDefinition, CategoryRules, CompetencyDomain, EducationLevel, RatingForm } from '../framework.types.js';
import { examRulesSchema, type ExamRules } from '../schema/exam.schema.js';
import type { FrameworkFile } from '../schema/framework-file.schema.js';
import { requirementsSchema, type Requirements } from '../schema/requirements.schema.js';
import { checkAssociation, checkOfferedCategories } from './check-association.js';
import { checkCompetencies, checkRatingForm } from './check-competencies.js';
import { checkExam } from './check-exam.js';
import { checkRequirements, type RequirementsContext } from './check-requirements.js';
import type { DataProblems } from './data-problems.js';
import { duplicates } from './duplicates.js';
import { mergeSections } from './merge-sections.js';
import { FRAMEWORK_FILES, type AssociationFile, type ConfigFiles } from './read-config-files.js';
import { resolveCategories } from './resolve-categories.js';
import { ruleKey } from './rule-key.js';
import { offersTrack } from './offers-track.js';

/** The validated, fully resolved content the Framework object is built from. */
export interface FrameworkContents {
  version: string;
  alliance: { name: string; timeZone: string };
  educationLevels: EducationLevel[];
  categories: CategoryDefinition[];
  competencyDomains: CompetencyDomain[];
  ratingForm: RatingForm;
  exam: ExamRules;
  associations: Map<string, Association>;
  /** Every combination of (association or none, category, offered track), keyed by ruleKey. */
  rules: Map<string, CategoryRules>;
}

/**
 * Runs every check that spans fields or files and resolves all rules ahead of time, so that lookups
 * never fail on data. Checks whatever could be read, so one run reports as many problems as it can;
 * returns undefined when a file could not be read or validated at all.
 */
export function validateFramework(files: ConfigFiles, problems: DataProblems): FrameworkContents | undefined {
  const { framework, competencies, ratingForm, exam } = files;
  const fileName = (key: keyof typeof FRAMEWORK_FILES) => files.displayName(FRAMEWORK_FILES[key]);
  if (competencies) problems.addFindings(fileName('competencies'), checkCompetencies(competencies.domains));
  if (ratingForm) problems.addFindings(fileName('ratingForm'), checkRatingForm(ratingForm, competencies?.domains));
  if (exam) problems.addFindings(fileName('exam'), checkExam(exam));
  const categories = framework && validateCategories(framework, fileName('framework'), problems);

  const associations = new Map<string, Association>();
  for (const { file, stem, association } of files.associations) {
    if (associations.has(association.code)) {
      problems.add(file, ['code'], `"${association.code}" is used by another association file`);
    }
    associations.set(association.code, association);
    problems.addFindings(file, checkAssociation(association, stem));
    if (categories?.complete) problems.addFindings(file, checkOfferedCategories(association, categories.definitions));
  }

  for (const { file, association } of files.associations) {
    for (const [i, code] of association.acceptsApplicantsFrom.entries()) {
      if (!associations.has(code) || code === association.code) problems.add(file, ['acceptsApplicantsFrom', i], `"${code}" is not another association`);
    }
  }

  if (!framework || !categories?.complete || !competencies || !ratingForm || !exam) return undefined;
  const rules = new Map<string, CategoryRules>();
  for (const [key, { category, trackCode, requirements }] of categories.byKey) {
    rules.set(key, toCategoryRules(category, trackCode, requirements, exam));
  }
  for (const entry of files.associations) resolveAssociationRules(entry, categories, exam, rules, problems);

  return {
    version: framework.version,
    alliance: framework.alliance,
    educationLevels: framework.educationLevels,
    categories: categories.definitions,
    competencyDomains: competencies.domains,
    ratingForm,
    exam,
    associations,
    rules,
  };
}

interface ValidatedCategories {
  definitions: CategoryDefinition[];
  byKey: Map<string, { category: CategoryDefinition; trackCode: string | null; requirements: Requirements }>;
  context: RequirementsContext;
  complete: boolean;
}

function validateCategories(framework: FrameworkFile, file: string, problems: DataProblems): ValidatedCategories {
  const { definitions, requirements, paths, complete } = resolveCategories(framework, file, problems);
  const credentials = definitions.flatMap((c) => [...(c.credential ? [c.credential] : []), ...c.tracks.map((t) => t.credential)]);
  for (const credential of duplicates(credentials)) {
    problems.add(file, ['categories'], `gives the credential "${credential}" to more than one category or track`);
  }
  const context: RequirementsContext = {
    educationLevels: framework.educationLevels.map((level) => level.code),
    credentials: complete ? new Set(credentials) : undefined,
  };
  for (const code of duplicates(context.educationLevels)) {
    problems.add(file, ['educationLevels'], `lists the level "${code}" more than once`);
  }

  const byKey: ValidatedCategories['byKey'] = new Map();
  for (const category of definitions) {
    for (const trackCode of category.tracks.length ? category.tracks.map((t) => t.code) : [null]) {
      const key = ruleKey(category.code, trackCode);
      const resolved = requirements.get(key);
      if (!resolved) continue;
      problems.addFindings(file, checkRequirements(resolved, context), paths.get(key));
      byKey.set(key, { category, trackCode, requirements: resolved });
    }
  }
  return { definitions, byKey, context, complete };
}

function toCategoryRules(category: CategoryDefinition, trackCode: string | null, requirements: Requirements, exam: ExamRules): CategoryRules {
  const track = category.tracks.find((t) => t.code === trackCode);
  return {
    category: category.code,
    track: track?.code ?? null,
    // A category has its own credential exactly when it has no tracks.
    credential: track?.credential ?? category.credential!,
    level: category.level,
    ...requirements,
    exam: requirements.examRequired ? exam : null,
  };
}

/** Applies an association's exam and category overrides to every category and track it offers. */
function resolveAssociationRules(
  { file, association }: AssociationFile,
  categories: ValidatedCategories,
  frameworkExam: ExamRules,
  rules: Map<string, CategoryRules>,
  problems: DataProblems,
): void {
  const { windows: _windows, ...examPatch } = association.exam;
  const exam = problems.parse(examRulesSchema, mergeSections(frameworkExam, examPatch), file, ['exam']);
  if (!exam) return;
  problems.addFindings(file, checkExam(exam), ['exam']);

  for (const [code, offered] of Object.entries(association.categories)) {
    const category = categories.definitions.find((c) => c.code === code);
    if (!category) continue; // reported by checkOfferedCategories
    const trackCodes = category.tracks.length ? category.tracks.map((t) => t.code).filter((t) => offersTrack(offered, t)) : [null];
    for (const trackCode of trackCodes) {
      const base = categories.byKey.get(ruleKey(code, trackCode))?.requirements;
      if (!base) continue; // reported for framework.yaml
      const overridesPath = ['categories', code, 'overrides'];
      const resolved = offered.overrides ? problems.parse(requirementsSchema, mergeSections(base, offered.overrides), file, overridesPath) : base;
      if (!resolved) continue;
      if (offered.overrides) problems.addFindings(file, checkRequirements(resolved, categories.context), overridesPath);
      rules.set(ruleKey(code, trackCode, association.code), toCategoryRules(category, trackCode, resolved, exam));
    }
  }
}
