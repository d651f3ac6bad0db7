import { z } from 'zod';
import { OUTLOOK_KINDS } from '#endorsement';
import { calendarDate, count, isoTimestamp } from '../../dto/response-fields.js';

const counts = z
  .strictObject(Object.fromEntries(OUTLOOK_KINDS.map((kind) => [kind, count])) as Record<(typeof OUTLOOK_KINDS)[number], typeof count>)
  .meta({ id: 'OutlookCounts' });

export const outlookResponse = z
  .array(
    z
      .strictObject({
        association: z.string(),
        timeZone: z.string(),
        from: isoTimestamp,
        until: calendarDate,
        days: z
          .array(z.strictObject({ date: calendarDate, counts }))
          .meta({ description: 'Days with something due, in order; anything overdue goes out today.' }),
        totals: counts,
      })
      .meta({ id: 'AssociationOutlook' }),
  )
  .meta({ id: 'Outlook', description: "Each association's next days: what goes out, counted by kind, on its own calendar." });
