import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import { associationDefaultsSchema, associationSchema, type Association } from '../schema/association.schema.js';
import { competenciesFileSchema } from '../schema/competencies.schema.js';
import { examRulesSchema } from '../schema/exam.schema.js';
import { frameworkFileSchema } from '../schema/framework-file.schema.js';
import { ratingFormSchema } from '../schema/rating-form.schema.js';
import type { DataProblems } from './data-problems.js';
import { isMapping, mergeSections } from './merge-sections.js';
import { readYamlFile } from './read-yaml-file.js';

export const FRAMEWORK_FILES = {
  framework: 'framework/framework.yaml',
  competencies: 'framework/competencies.yaml',
  ratingForm: 'framework/rating-form.yaml',
  exam: 'framework/exam.yaml',
  associationDefaults: 'framework/association-defaults.yaml',
} as const;

const ASSOCIATIONS_DIR = 'associations';

export interface AssociationFile {
  /** As shown in problems, e.g. config/associations/wa-aimh.yaml. */
  file: string;
  /** File name without extension; must equal the code in lower case. */
  stem: string;
  association: Association;
}

/** Each file's validated content; undefined where the file is missing or invalid (a problem says why). */
export interface ConfigFiles {
  framework?: z.output<typeof frameworkFileSchema>;
  competencies?: z.output<typeof competenciesFileSchema>;
  ratingForm?: z.output<typeof ratingFormSchema>;
  exam?: z.output<typeof examRulesSchema>;
  associations: AssociationFile[];
  /** How a file under the config directory is named in problems. */
  displayName(relativePath: string): string;
}

export function readConfigFiles(configDir: string, problems: DataProblems): ConfigFiles {
  const displayName = (relativePath: string) => `${basename(configDir)}/${relativePath}`;
  const read = (relativePath: string) => readYamlFile(join(configDir, relativePath), displayName(relativePath), problems);
  const load = <S extends z.ZodType>(schema: S, relativePath: string): z.output<S> | undefined => {
    const content = read(relativePath);
    return content && problems.parse(schema, content.data, displayName(relativePath));
  };

  // Framework files first, so problems read in the order a person would fix them.
  const framework = load(frameworkFileSchema, FRAMEWORK_FILES.framework);
  const competencies = load(competenciesFileSchema, FRAMEWORK_FILES.competencies);
  const ratingForm = load(ratingFormSchema, FRAMEWORK_FILES.ratingForm);
  const exam = load(examRulesSchema, FRAMEWORK_FILES.exam);
  const defaults = load(associationDefaultsSchema, FRAMEWORK_FILES.associationDefaults) ?? {};

  const associations: AssociationFile[] = [];
  for (const name of listYamlFiles(join(configDir, ASSOCIATIONS_DIR), displayName(ASSOCIATIONS_DIR), problems)) {
    const relativePath = `${ASSOCIATIONS_DIR}/${name}`;
    const content = read(relativePath);
    if (!content) continue;
    const layered = isMapping(content.data) ? mergeSections(defaults, content.data) : content.data;
    const association = problems.parse(associationSchema, layered, displayName(relativePath));
    if (association) {
      associations.push({ file: displayName(relativePath), stem: basename(name, extname(name)), association });
    }
  }

  return { framework, competencies, ratingForm, exam, associations, displayName };
}

function listYamlFiles(dir: string, displayName: string, problems: DataProblems): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    problems.add(displayName, [], 'directory is missing');
    return [];
  }
  const yamlFiles = names.filter((name) => /\.ya?ml$/.test(name)).sort();
  if (yamlFiles.length === 0) problems.add(displayName, [], 'holds no association files');
  return yamlFiles;
}
