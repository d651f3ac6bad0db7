import type { EffectOf } from '#workflow';
import type { EffectContext } from './effect-context.js';

/** A lapsed endorsement leaves the public registry. */
export async function removeFromRegistry({ manager, endorsements, application }: EffectContext<EffectOf<'registry.remove'>>) {
  await endorsements.unlistFromRegistry(application.id, manager);
  return [];
}
