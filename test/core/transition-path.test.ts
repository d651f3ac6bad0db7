import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import pg from 'pg';
import { dataSourceOptions, OUTBOX_CHANNEL, OutboxNotifier, runMigrations } from '#db';
import { TransitionApplication, TransitionsRepository, TransitionConflictError, TransitionRefusedError, type TransitionCommand } from '#endorsement';
import { loadFramework, type Framework } from '#framework';
import { ManualClock } from '#platform';
import { allowedEvents, replayEvents, type ApplicationState, type Role } from '#workflow';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { insertApplication } from '../support/application-fixture.js';

const coordinator = { id: null, role: 'coordinator' as Role };

describe('the transition path over real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let framework: Framework;
  let transition: TransitionApplication;
  const clock = new ManualClock(new Date('2026-11-22T12:00:00Z'));

  const counts = async (id: string) => {
    const [row] = await ds.query(
      `SELECT a.state, a.version,
              (SELECT count(*)::int FROM application_events WHERE application_id = a.id) AS events,
              (SELECT count(*)::int FROM outbox WHERE application_id = a.id) AS outbox
         FROM applications a WHERE a.id = $1`,
      [id],
    );
    return row as { state: string; version: number; events: number; outbox: number };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '20' }))).initialize();
    await runMigrations(ds);
    framework = loadFramework();
    transition = new TransitionApplication(ds, new TransitionsRepository(ds), clock, new OutboxNotifier(ds));
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  test('a transition writes state, one audit event and one outbox row per effect, in one go', async () => {
    const id = await insertApplication(ds, framework, { state: 'submitted' });
    const result = await transition.execute({ applicationId: id, event: 'hold', actor: coordinator, expectedVersion: 0, reason: 'fee unpaid' });
    expect(result).toMatchObject({ from: 'submitted', to: 'on_hold', version: 1 });

    const [event] = await ds.query(`SELECT * FROM application_events WHERE application_id = $1`, [id]);
    expect(event).toMatchObject({ version: 1, event: 'hold', from_state: 'submitted', to_state: 'on_hold', actor_role: 'coordinator', reason: 'fee unpaid' });
    expect(event.occurred_at.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    const outbox = await ds.query(`SELECT effect_type, payload, event_id FROM outbox WHERE application_id = $1 ORDER BY id`, [id]);
    expect(outbox).toEqual([{ effect_type: 'email.applicant', payload: { type: 'email.applicant', template: 'on_hold' }, event_id: event.id }]);

    // on_hold remembers where it came from, and resume returns there.
    const resumed = await transition.execute({ applicationId: id, event: 'resume', actor: coordinator });
    expect(resumed).toMatchObject({ from: 'on_hold', to: 'submitted', version: 2 });
  });

  test('outbox relays listening on the channel are woken after the commit', async () => {
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
      const woken = new Promise<string>((resolve) => listener.once('notification', (n) => resolve(n.channel)));
      const id = await insertApplication(ds, framework, { state: 'submitted' });
      await transition.execute({ applicationId: id, event: 'hold', actor: coordinator, reason: 'fee unpaid' });
      expect(await woken).toBe(OUTBOX_CHANNEL);
    } finally {
      await listener.end();
    }
  });

  test('an event the state does not allow is refused with the allowed list, and nothing changes', async () => {
    const id = await insertApplication(ds, framework, { state: 'submitted' });
    const error = await transition.execute({ applicationId: id, event: 'panel_endorse', actor: coordinator }).catch((e) => e);
    expect(error).toBeInstanceOf(TransitionRefusedError);
    expect(error.code).toBe('event_not_allowed');
    expect(error.details.allowedEvents).toEqual(allowedEvents('submitted'));
    expect(await counts(id)).toEqual({ state: 'submitted', version: 0, events: 0, outbox: 0 });
  });

  test('submitting an incomplete portfolio is refused by the eligibility guard', async () => {
    const id = await insertApplication(ds, framework, { state: 'draft' });
    const error = await transition.execute({ applicationId: id, event: 'submit', actor: { id: null, role: 'applicant' } }).catch((e) => e);
    expect(error).toBeInstanceOf(TransitionRefusedError);
    expect(error.code).toBe('guard_failed');
    expect(await counts(id)).toMatchObject({ state: 'draft', version: 0, events: 0 });
  });

  test('a stale version is a conflict naming the current state and version', async () => {
    const id = await insertApplication(ds, framework, { state: 'submitted' });
    await transition.execute({ applicationId: id, event: 'hold', actor: coordinator, expectedVersion: 0, reason: 'fee unpaid' });
    const error = await transition.execute({ applicationId: id, event: 'resume', actor: coordinator, expectedVersion: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(TransitionConflictError);
    expect(error).toMatchObject({ currentState: 'on_hold', currentVersion: 1, expectedVersion: 0 });
  });

  test('an error inside the transaction leaves no state change, no event and no outbox row', async () => {
    const id = await insertApplication(ds, framework, { state: 'submitted' });
    await expect(
      ds.transaction(async (m) => {
        await transition.executeIn(m, { applicationId: id, event: 'hold', actor: coordinator, reason: 'fee unpaid' });
        throw new Error('a later step of the same use case failed');
      }),
    ).rejects.toThrow('a later step');
    expect(await counts(id)).toEqual({ state: 'submitted', version: 0, events: 0, outbox: 0 });

    // A fault in the database itself, at the last write (the outbox insert).
    await ds.query(`CREATE FUNCTION fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$`);
    await ds.query(`CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION fail_outbox()`);
    try {
      await expect(transition.execute({ applicationId: id, event: 'hold', actor: coordinator, reason: 'fee unpaid' })).rejects.toThrow('outbox down');
    } finally {
      await ds.query(`DROP TRIGGER fail_outbox ON outbox; DROP FUNCTION fail_outbox()`);
    }
    expect(await counts(id)).toEqual({ state: 'submitted', version: 0, events: 0, outbox: 0 });
  });

  test('50 concurrent transitions of one application: exactly one succeeds, the others conflict', async () => {
    const id = await insertApplication(ds, framework, { state: 'submitted' });
    const command: TransitionCommand = { applicationId: id, event: 'hold', actor: coordinator, expectedVersion: 0, reason: 'fee unpaid' };
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => transition.execute(command)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof TransitionConflictError);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    expect(await counts(id)).toEqual({ state: 'on_hold', version: 1, events: 1, outbox: 1 });
  });

  test("replaying application_events reproduces every application's current state", async () => {
    // Random walks through events that need no portfolio facts, on many applications.
    const walk: Record<string, string[]> = {
      submitted: ['begin_reference_checks', 'hold', 'withdraw'],
      reference_checks: ['hold', 'withdraw'],
      on_hold: ['resume', 'withdraw'],
    };
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ids = await Promise.all(Array.from({ length: 20 }, () => insertApplication(ds, framework, { state: 'draft' })));
    // Start from draft through a real submit is covered elsewhere; here the walk starts at submitted.
    await ds.query(`UPDATE applications SET state = 'submitted' WHERE id = ANY($1)`, [ids]);
    await ds.query(
      `INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_role, occurred_at)
       SELECT id, 0, 'submit', 'draft', 'submitted', 'applicant', now() FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    for (const id of ids) {
      for (let step = 0; step < 8; step++) {
        const { state } = await counts(id);
        const options = walk[state];
        if (!options) break;
        await transition.execute({ applicationId: id, event: options[Math.floor(random() * options.length)], actor: coordinator, reason: 'random walk' });
      }
    }
    for (const id of ids) {
      const events = await ds.query(`SELECT event, from_state AS "from", to_state AS "to" FROM application_events WHERE application_id = $1 ORDER BY version`, [
        id,
      ]);
      const { state } = await counts(id);
      expect(replayEvents(events as { event: string; from: ApplicationState; to: ApplicationState }[])).toBe(state);
    }
  });
});
