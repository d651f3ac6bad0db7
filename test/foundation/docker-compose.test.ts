import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { ROOT } from '../support/run-node.js';
import { WORKER_NODE_ARGS } from '../../apps/worker/src/worker-node-args.js';

interface Service {
  image?: string;
  command?: string[];
  build?: unknown;
  ports?: string[];
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
}

const { services } = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };

describe('docker-compose.yml', () => {
  test('publishes ports on the loopback interface only: PostgreSQL trusts everyone and Redis has no password', () => {
    const published = Object.values(services).flatMap((s) => s.ports ?? []);
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  test('pins every image to a version (no latest, no bare major)', () => {
    for (const [name, s] of Object.entries(services)) {
      if (s.build) continue;
      expect(`${name}: ${s.image}`).toMatch(/^[\w-]+: [\w./-]+:v?\d+\.\d+(\.\d+)?(-[\w.]+)?$/);
    }
  });

  test('every service has a healthcheck, and services start only once what they need is healthy', () => {
    for (const [name, s] of Object.entries(services)) {
      expect({ name, healthcheck: Boolean(s.healthcheck?.test) }).toEqual({ name, healthcheck: true });
      for (const [dependency, { condition }] of Object.entries(s.depends_on ?? {}))
        expect(`${name} → ${dependency}: ${condition}`).toBe(`${name} → ${dependency}: service_healthy`);
    }
  });

  test('runs the worker with its heap budget (worker-node-args.ts), as package.json start:worker does', () => {
    const worker = ['node', ...WORKER_NODE_ARGS, 'dist/apps/worker/src/main.js'];
    expect(services.worker.command).toEqual(worker);
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['start:worker']).toBe(worker.join(' '));
  });

  test('the image and package.json engines name the Node of .node-version, which .ci/run provides', () => {
    const version = readFileSync(join(ROOT, '.node-version'), 'utf8').trim();
    const major = version.split('.')[0];
    const images = [...readFileSync(join(ROOT, 'Dockerfile'), 'utf8').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(images).toEqual([`node:${version}-bookworm-slim`, `node:${version}-bookworm-slim`]);
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(engines.node).toBe(`>=${major}`);
  });
});
