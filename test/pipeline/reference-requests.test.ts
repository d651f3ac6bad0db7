import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ReplaceRaterAddress, TransitionApplication } from '#endorsement';
import { loadFramework, type Framework } from '#framework';
import { ManualClock } from '#platform';
import { insertApplication } from '../support/application-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { header, raterLink } from '../support/mail-reading.js';

const DAY = 24 * 3600 * 1000;
const APPLICANT_RE = /^applicant-.*@example\.org$/;

describe('reference requests, reminders and rejected addresses, end to end through the worker', () => {
  const clock = new ManualClock(new Date('2026-11-02T15:00:00Z'));
  const system = new TestSystem(clock);
  const smtp = system.smtp;
  let worker: INestApplication;
  let ds: DataSource;
  let framework: Framework;
  let appId: string;
  let applicant: string;

  const templatesTo = (address: string) => smtp.to(address).map((m) => header(m, 'X-Template'));
  const refs = () =>
    ds.query(`SELECT id, rater_email, status, token_hash, revoked_at FROM application_references WHERE application_id = $1 ORDER BY created_at, rater_email`, [
      appId,
    ]);

  beforeAll(async () => {
    smtp.rejected.add('gone@rater.example');
    await system.start({ env: { REMINDER_SWEEP_EVERY_MS: 1000 } });
    ({ worker, ds } = system);
    framework = loadFramework();
    appId = await insertApplication(ds, framework, {
      state: 'submitted',
      portfolio: {
        education: [],
        work: [],
        trainings: [],
        rsc: [],
        agreements: {},
        membership: null,
        references: [
          { raterName: 'Rosa Supervisor', raterEmail: 'rosa@rater.example', role: 'supervisor_teacher_or_cda_mentor', waivedAccess: true },
          { raterName: 'Gone Rater', raterEmail: 'gone@rater.example', role: 'endorsed_or_vetted_rater', waivedAccess: false },
          { raterName: 'Colin Colleague', raterEmail: 'colin@rater.example', role: 'colleague_or_parent', waivedAccess: false },
        ],
      },
    });
    [{ email: applicant }] = await ds.query(`SELECT p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`, [appId]);
  });

  afterAll(() => system.stop());

  test('entering reference_checks sends each rater a single-use link and tells the applicant who was asked', async () => {
    await worker.get(TransitionApplication).execute({ applicationId: appId, event: 'begin_reference_checks', actor: { id: null, role: 'system' } });
    await waitFor(
      'rater requests and the applicant notice',
      () => smtp.messages.length,
      (n) => n >= 4,
    );
    expect(templatesTo('rosa@rater.example')).toEqual(['reference_request']);
    expect(templatesTo('colin@rater.example')).toEqual(['reference_request']);
    expect(templatesTo(applicant)).toContain('references_requested');

    // The link in the email is the one whose hash is stored, and only the hash.
    const link = raterLink(smtp.to('rosa@rater.example')[0])!;
    expect(link).toMatch(/^http:\/\/localhost:3000\/r\/[A-Za-z0-9_-]{43}$/);
    const token = link.split('/r/')[1];
    const stored = (await refs()).find((r: { rater_email: string }) => r.rater_email === 'rosa@rater.example');
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await refs())).not.toContain(token);
  });

  test('a rater address the mail server rejects (550) is failed and visible, and the applicant is told at once', async () => {
    await waitFor(
      'the rejection notice',
      () => templatesTo(applicant),
      (t) => t.includes('rater_email_rejected'),
    );
    const [failed] = await ds.query(`SELECT status, smtp_response, attempts FROM email_deliveries WHERE recipient_email = 'gone@rater.example'`);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.smtp_response).toContain('550');
    expect((await refs()).find((r: { rater_email: string }) => r.rater_email === 'gone@rater.example').status).toBe('bounced');
    expect(smtp.to('gone@rater.example')).toHaveLength(0);
  });

  test('the applicant replaces the address: the old link stops working and a new one goes out', async () => {
    const gone = (await refs()).find((r: { rater_email: string }) => r.rater_email === 'gone@rater.example');
    const { referenceId } = await worker.get(ReplaceRaterAddress).execute({ applicationId: appId, referenceId: gone.id, raterEmail: 'new@rater.example' });
    await waitFor(
      'the new request',
      () => templatesTo('new@rater.example'),
      (t) => t.length === 1,
    );
    const after = await refs();
    expect(after.find((r: { id: string }) => r.id === gone.id)).toMatchObject({ status: 'replaced', token_hash: null });
    expect(after.find((r: { id: string }) => r.id === referenceId)).toMatchObject({ status: 'requested', rater_email: 'new@rater.example' });
  });

  test('unanswered raters are reminded on day 7 and 14, answered ones are not; on day 21 applicant and coordinator are told', async () => {
    const count = smtp.messages.length;
    clock.advance(7 * DAY + 60_000);
    await waitFor(
      'day-7 reminders',
      () => smtp.messages.length,
      (n) => n >= count + 3,
    );
    for (const rater of ['rosa@rater.example', 'colin@rater.example', 'new@rater.example']) expect(templatesTo(rater)).toContain('reference_reminder');

    // Colin answers (the rating form arrives with the HTTP API): no more reminders for him.
    await ds.query(`UPDATE application_references SET status = 'rated', rated_at = now() WHERE rater_email = 'colin@rater.example'`);
    clock.advance(7 * DAY);
    await waitFor(
      'day-14 reminders',
      () => templatesTo('rosa@rater.example').length,
      (n) => n === 3,
    );
    clock.advance(7 * DAY);
    await waitFor(
      'day-21 notices',
      () => templatesTo('endorsement@mi-aimh.example.org').length,
      (n) => n >= 2,
    );
    await new Promise((r) => setTimeout(r, 2500)); // two more sweeps: nothing further may go out

    expect(templatesTo('rosa@rater.example')).toEqual(['reference_request', 'reference_reminder', 'reference_reminder']);
    expect(templatesTo('colin@rater.example')).toEqual(['reference_request', 'reference_reminder']);
    expect(templatesTo('endorsement@mi-aimh.example.org')).toEqual(['reference_overdue_coordinator', 'reference_overdue_coordinator']);
    expect(templatesTo(applicant).filter((t) => t === 'reference_overdue_applicant')).toHaveLength(2);
    expect(smtp.messages.every((m) => m.to.length === 1)).toBe(true);
    expect(APPLICANT_RE.test(applicant)).toBe(true);
  });
});
