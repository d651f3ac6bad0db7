import type { EffectOf } from '#workflow';
import type { EffectContext } from './effect-context.js';

/** A lapsed endorsement leaves the public registry. */
export async function removeFromRegistry({ manager, application }: EffectContext<EffectOf<'registry.remove'>>) {
  await manager.query(`UPDATE applications SET registry_listed = false WHERE id = $1`, [application.id]);
  return [];
}
