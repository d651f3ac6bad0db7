import { z } from 'zod';

export const webhookReceiptResponse = z
  .strictObject({
    recorded: z.number().int().min(0).meta({ description: 'Bounces and complaints recorded against our messages.' }),
    ignored: z.number().int().min(0).meta({ description: 'Other events, and reports about no message of ours (or already recorded).' }),
  })
  .meta({ id: 'WebhookReceipt', description: 'What the delivery of events did.' });
