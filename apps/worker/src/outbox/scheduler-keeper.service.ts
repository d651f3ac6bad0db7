import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '#config';
import { JobQueues } from '#queue';

// Often enough that a wiped Redis misses at most one sweep or 30 s of them.
const MAX_KEEP_EVERY_MS = 30_000;

/** Keeps the BullMQ job schedulers in place, including after Redis lost them (a wipe, a failover). */
@Injectable()
export class SchedulerKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger('SchedulerKeeper') private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.keep();
    this.timer = setInterval(() => void this.keep(), Math.min(MAX_KEEP_EVERY_MS, this.config.pipeline.reminderSweepEveryMs));
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async keep(): Promise<void> {
    const { reminderSweepEveryMs, renewalSweepEveryMs } = this.config.pipeline;
    await this.jobs
      .ensureSchedulers({ reminderSweepMs: reminderSweepEveryMs, renewalSweepMs: renewalSweepEveryMs })
      .catch((e: Error) => this.logger.warn({ err: e.message }, 'could not ensure job schedulers'));
  }
}
