import { Global, Module } from '@nestjs/common';
import { MetricsEndpoint } from './metrics-endpoint.js';

/** The process's metrics endpoint, for collectors to add their scrape hooks to. */
@Global()
@Module({ providers: [MetricsEndpoint], exports: [MetricsEndpoint] })
export class MetricsModule {}
