import type { EffectOf } from '#workflow';
import { requestReference } from '../references/request-reference.js';
import type { EffectContext } from './effect-context.js';

/** Sends every rater named in the portfolio a link, unless that rater already has an open one. */
export async function requestReferences({
  manager,
  references,
  reminders,
  application,
  association,
  linkSecret,
  now,
}: EffectContext<EffectOf<'references.request'>>) {
  const open = await references.findOpenRaters(application.id, manager);
  const isOpen = (role: string, email: string) => open.some((o) => o.role === role && o.email === email.toLowerCase());
  const deliveries = [];
  for (const ref of application.portfolio.references) {
    if (isOpen(ref.role, ref.raterEmail)) continue;
    deliveries.push(
      await requestReference(
        { references, reminders },
        { applicationId: application.id, role: ref.role, raterName: ref.raterName, raterEmail: ref.raterEmail, waivedAccess: ref.waivedAccess },
        association,
        linkSecret,
        now,
        manager,
      ),
    );
  }
  return deliveries;
}
