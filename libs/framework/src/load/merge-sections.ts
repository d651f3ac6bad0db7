type Layer = Readonly<Record<string, unknown>>;

export function isMapping(value: unknown): value is Layer {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Layers `patch` over `base`, one section deep: a section (mapping) in the patch changes only the
 * fields it names; any other value, null and lists included, replaces the base value whole.
 * Defaults, categories, tracks and association overrides all combine this way.
 */
export function mergeSections(base: Layer, patch: Layer): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isMapping(value) && isMapping(current) ? { ...current, ...value } : value;
  }
  return merged;
}
