import { afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { MetricsEndpoint } from './metrics-endpoint.js';

describe('MetricsEndpoint', () => {
  let endpoint: MetricsEndpoint;
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterEach(async () => {
    await endpoint.onApplicationShutdown();
  });

  test('refreshes collect-on-scrape values before each scrape; answers nothing but GET /metrics', async () => {
    endpoint = new MetricsEndpoint();
    let scrapes = 0;
    endpoint.onScrape(async () => void scrapes++);
    const port = await endpoint.listen('127.0.0.1', 0);
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('# TYPE endorsement_http_request_duration_seconds histogram');
    expect(scrapes).toBe(1);
    expect((await fetch(`http://127.0.0.1:${port}/metrics/../admin`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'DELETE' })).status).toBe(404);
    expect(scrapes).toBe(1);
  });

  test('a collector that fails makes the scrape fail (Prometheus shows the target down), and is logged', async () => {
    endpoint = new MetricsEndpoint();
    endpoint.onScrape(() => Promise.reject(new Error('database unavailable')));
    const warnings: string[] = [];
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    try {
      const port = await endpoint.listen('127.0.0.1', 0);
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(503);
      expect(await res.text()).toBe('metrics unavailable\n');
    } finally {
      warn.mockRestore();
    }
    expect(warnings).toEqual(['metrics scrape failed: database unavailable']);
  });

  test('a port already taken stops start-up with the reason', async () => {
    endpoint = new MetricsEndpoint();
    const port = await endpoint.listen('127.0.0.1', 0);
    const second = new MetricsEndpoint();
    await expect(second.listen('127.0.0.1', port)).rejects.toThrow(/EADDRINUSE/);
  });
});
