import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { describeRequirements, loadFramework } from '#framework';
import { ResponseContract } from '../support/openapi-responses.js';
import { TestSystem } from '../support/test-system.js';
import { caller } from './auth-harness.js';

const framework = loadFramework();

interface Requirements {
  trainingHours: number;
  references: number;
  examRequired: boolean;
  asks: string[];
}

interface Category {
  code: string;
  name: string;
  examRequired: boolean;
  applicationFee: { amount: number; currency: string };
  renewalFee: { amount: number; currency: string };
  lateRenewalFee: { amount: number; currency: string };
  tracks: { code: string; name: string; requirements: Requirements }[];
  requirements: Requirements | null;
}

// What the web portal shows before anyone signs in: where one may register, what each category asks and costs.
describe('associations and their categories, public', () => {
  const system = new TestSystem();
  // Every answer checked against docs/openapi.json.
  const call = new ResponseContract().wrap(caller(() => system.api!));
  const categoriesOf = async (code: string) => {
    const res = await call('GET', `/api/v1/associations/${code}/categories`);
    expect(res.status).toBe(200);
    return res.body as { association: { code: string; name: string }; categories: Category[] };
  };

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

  test("an association's categories as it names them, with its fees in its currency", async () => {
    const wa = await categoriesOf('WA-AIMH');
    expect(wa.association).toEqual({ code: 'WA-AIMH', name: 'Western Australian Association for Infant Mental Health' });
    // Western Australia renames the categories and does not offer the reflective supervisor category.
    expect(wa.categories.map((c) => [c.code, c.name])).toEqual([
      ['IFA', 'Infant Family Worker'],
      ['IFS', 'Infant Family Practitioner'],
      ['IMHS', 'Infant Mental Health Practitioner'],
      ['IMHM', 'Infant Mental Health Mentor'],
    ]);
    const ifa = wa.categories[0];
    const renewal = framework.association('WA-AIMH').renewal;
    expect(ifa).toMatchObject({
      examRequired: false,
      applicationFee: { amount: 35, currency: 'AUD' },
      renewalFee: { amount: renewal.fee, currency: 'AUD' },
      lateRenewalFee: { amount: renewal.lateFee, currency: 'AUD' },
      tracks: [],
    });
    expect(ifa.requirements).toMatchObject({ trainingHours: 30, references: 3, examRequired: false });
    expect(ifa.requirements!.asks[0]).toBe('Education: a Child Development Associate (CDA) credential or higher, or 24 months of paid infant and family work.');
  });

  test('what each category and track asks is what the eligibility check applies to an application there', async () => {
    for (const association of framework.associations.keys()) {
      for (const category of (await categoriesOf(association)).categories) {
        const offered = category.tracks.length ? category.tracks.map((t) => [t.code, t.requirements] as const) : [[undefined, category.requirements!] as const];
        for (const [track, requirements] of offered) {
          expect([association, category.code, track, requirements]).toEqual([
            association,
            category.code,
            track,
            describeRequirements(framework.rulesSnapshot(association, category.code, track)),
          ]);
        }
      }
    }
  });

  test('a category with tracks: one to choose, each with what it asks; the exam for the mentor', async () => {
    const mentor = (await categoriesOf('MI-AIMH')).categories.find((c) => c.code === 'IMHM')!;
    expect(mentor.requirements).toBeNull();
    expect(mentor.examRequired).toBe(true);
    expect(mentor.tracks.map((t) => t.name)).toEqual([
      'Infant Mental Health Mentor – Clinical',
      'Infant Mental Health Mentor – Policy',
      'Infant Mental Health Mentor – Research/Faculty',
    ]);
    const clinical = mentor.tracks[0].requirements;
    expect(clinical).toMatchObject({ trainingHours: 48, examRequired: true });
    expect(clinical.asks).toContain('Reflective supervision/consultation received: 50 hours; 25 of them about the supervision you provide.');
  });

  test('an unknown association is 404 association_not_found; a malformed code 400', async () => {
    expect(await call('GET', '/api/v1/associations/XX-NOWHERE/categories')).toMatchObject({ status: 404, body: { code: 'association_not_found' } });
    expect(await call('GET', `/api/v1/associations/${'A'.repeat(40)}/categories`)).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
  });
});
