import type { CategoryDefinition } from '../framework.types.js';
import { categorySchema, type FrameworkFile } from '../schema/framework-file.schema.js';
import { requirementsSchema, type Requirements } from '../schema/requirements.schema.js';
import type { DataProblems } from './data-problems.js';
import { mergeSections } from './merge-sections.js';
import { ruleKey } from './rule-key.js';

export interface ResolvedCategories {
  definitions: CategoryDefinition[];
  /** The framework's requirements per category or track, keyed by ruleKey. */
  requirements: Map<string, Requirements>;
  /** Where each ruleKey's data sits, for problems found later. */
  paths: Map<string, string[]>;
  /** False when a category was invalid: checks against the list of categories would then mislead. */
  complete: boolean;
}

/** Layers defaults, category and track, and validates the result as complete requirements. */
export function resolveCategories(data: FrameworkFile, file: string, problems: DataProblems): ResolvedCategories {
  const resolved: ResolvedCategories = { definitions: [], requirements: new Map(), paths: new Map(), complete: true };
  const resolve = (layered: Record<string, unknown>, key: string, path: string[]) => {
    const requirements = problems.parse(requirementsSchema, layered, file, path);
    if (requirements) resolved.requirements.set(key, requirements);
    resolved.paths.set(key, path);
  };

  for (const [code, raw] of Object.entries(data.categories)) {
    const entry = problems.parse(categorySchema, raw, file, ['categories', code]);
    if (!entry) {
      resolved.complete = false;
      continue;
    }
    const { name, level, credential, tracks = {}, ...categoryPatch } = entry;
    const categoryLayer = mergeSections(data.categoryDefaults, categoryPatch);
    const trackEntries = Object.entries(tracks);
    if (trackEntries.length === 0) {
      resolve(categoryLayer, ruleKey(code, null), ['categories', code]);
    } else if (credential) {
      const message = 'must not be set on a category with tracks: each track has its own';
      problems.add(file, ['categories', code, 'credential'], message);
    }
    for (const [trackCode, { label, credential: trackCredential, ...trackPatch }] of trackEntries) {
      const path = ['categories', code, 'tracks', trackCode];
      resolve(mergeSections(categoryLayer, trackPatch), ruleKey(code, trackCode), path);
    }
    resolved.definitions.push({
      code,
      name,
      level,
      credential: trackEntries.length === 0 ? (credential ?? code) : null,
      tracks: trackEntries.map(([trackCode, track]) => ({
        code: trackCode,
        label: track.label,
        credential: track.credential,
      })),
    });
  }
  return resolved;
}
