import type { Association, CategoryDefinition } from '../framework.types.js';

/** The name an association shows for a category or track, falling back to the framework's names. */
export function displayName(category: CategoryDefinition, trackCode: string | null, association?: Association): string {
  const offered = association?.categories[category.code];
  const name = offered?.displayName ?? category.name;
  const track = category.tracks.find((t) => t.code === trackCode);
  return track ? `${name} – ${offered?.tracks?.[track.code]?.label ?? track.label}` : name;
}
