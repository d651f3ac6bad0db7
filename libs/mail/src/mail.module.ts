import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { EmailDeliveriesRepository } from './email-deliveries.repository.js';
import { MAIL_TRANSPORT, createMailTransport, type MailTransport } from './mail-transport.js';

@Global()
@Module({
  providers: [
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createMailTransport(c.smtp, c.deliverability.dkim) },
    EmailDeliveriesRepository,
  ],
  exports: [MAIL_TRANSPORT, EmailDeliveriesRepository],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
