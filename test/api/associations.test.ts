import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { ResponseContract } from '../support/openapi-responses.js';
import { TestSystem } from '../support/test-system.js';
import { caller } from './auth-harness.js';

const framework = loadFramework();

// What the web portal shows before anyone signs in: where one may register.
describe('associations, public', () => {
  const system = new TestSystem();
  // Every answer checked against docs/openapi.json.
  const call = new ResponseContract().wrap(caller(() => system.api!));

  beforeAll(() => system.start({ api: true }));
  afterAll(() => system.stop());

  test('lists every association of the framework data, by name, with its region', async () => {
    const res = await call('GET', '/api/v1/associations');
    expect(res.status).toBe(200);
    const items = res.body.items as { code: string; name: string; region: string | null }[];
    expect(items.map((a) => a.name)).toEqual([...framework.associations.values()].map((a) => a.name).sort());
    expect(items).toContainEqual({ code: 'MI-AIMH', name: 'Michigan Association for Infant Mental Health', region: 'Michigan' });
    expect(items).toContainEqual({ code: 'WA-AIMH', name: 'Western Australian Association for Infant Mental Health', region: 'Western Australia' });
  });
});
