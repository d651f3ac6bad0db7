import type { OfferedCategory } from '../schema/association.schema.js';

/** Whether an association offers a track of a category it offers: every track unless it lists some. */
export function offersTrack(offered: Pick<OfferedCategory, 'tracks'>, trackCode: string): boolean {
  return !offered.tracks || trackCode in offered.tracks;
}
