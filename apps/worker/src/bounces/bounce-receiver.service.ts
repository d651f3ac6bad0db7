import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { RecordBounce } from '#endorsement';
import { BounceReceiver, type BounceReport } from '#mail';
import { redactAddresses } from '#queue';
import { withRequestId } from '#request-id';

/**
 * Runs the bounce receiver on BOUNCE_SMTP_PORT for the worker's lifetime: each bounce or abuse
 * report goes down the same path as a 5xx at sending (RecordBounce), before the reporting server
 * hears 250. A report is a cause of its own: what it sets off (the applicant's notice) carries
 * `bounce:<uuid>` as its request id.
 */
@Injectable()
export class BounceReceiverService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BounceReceiver');
  private readonly receiver: BounceReceiver;

  constructor(
    private readonly recordBounce: RecordBounce,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.receiver = new BounceReceiver(
      config.deliverability.bounceDomain!,
      (report, deliveryId) => this.record(report, deliveryId),
      (error) => this.logger.warn(`bounce receiver: ${redactAddresses(error.message)}`),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = await this.receiver.listen(this.config.deliverability.bounceSmtpPort!);
    this.logger.log(`receiving bounces for ${this.config.deliverability.bounceDomain} on port ${port}`);
  }

  onApplicationShutdown(): Promise<void> {
    return this.receiver.close();
  }

  private async record(report: BounceReport, deliveryId: string | null): Promise<void> {
    await withRequestId(`bounce:${randomUUID()}`, () =>
      this.recordBounce.execute({
        source: report.kind === 'complaint' ? 'ARF' : 'DSN',
        kind: report.kind,
        deliveryId,
        messageId: report.originalMessageId,
        recipients: report.recipients,
        detail: report.detail,
      }),
    );
  }
}
