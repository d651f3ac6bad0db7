import type { DataSource } from 'typeorm';
import { OutboxNotifier } from '#db';
import { TransitionApplication, TransitionsRepository } from '#endorsement';
import { emptyPortfolio, loadFramework } from '#framework';
import { SystemClock } from '#platform';
import { header } from './mail-reading.js';
import type { ReceivedMail, SmtpSink } from './smtp-sink.js';

/**
 * Many applications at once, for fault tests: `count` applicants in `submitted`, each with one
 * reference rater at rater-<n>@rater.example.
 */
export async function seedSubmitted(ds: DataSource, count: number, tag: string): Promise<string[]> {
  const snapshot = loadFramework().rulesSnapshot('MI-AIMH', 'IFA');
  const rows = await ds.query<{ id: string }[]>(
    `WITH p AS (
       INSERT INTO people (association_code, email, full_name)
       SELECT 'MI-AIMH', 'applicant-' || $4 || '-' || g || '@example.org', 'Applicant ' || g FROM generate_series(1, $1) g RETURNING id, email)
     INSERT INTO applications (association_code, applicant_id, category_code, state, framework_version, rules, portfolio, state_changed_at, created_at, updated_at)
     SELECT 'MI-AIMH', p.id, 'IFA', 'submitted', $2, $3,
            jsonb_set($5::jsonb, '{references}', jsonb_build_array(jsonb_build_object(
              'raterName', 'Rater', 'raterEmail', replace(p.email, 'applicant-', 'rater-'), 'role', 'supervisor_teacher_or_cda_mentor', 'waivedAccess', true))),
            now(), now(), now()
       FROM p RETURNING id`,
    [count, snapshot.version, snapshot, tag, emptyPortfolio()],
  );
  return rows.map((r) => r.id);
}

/** Fires one event on every application, 16 at a time, as staff would. */
export async function fireAll(ds: DataSource, ids: string[], event: string, reason?: string): Promise<void> {
  const transition = new TransitionApplication(ds, new TransitionsRepository(ds), new SystemClock(), new OutboxNotifier(ds));
  for (let i = 0; i < ids.length; i += 16) {
    await Promise.all(
      ids.slice(i, i + 16).map((applicationId) => transition.execute({ applicationId, event, reason, actor: { id: null, role: 'coordinator' } })),
    );
  }
}

/** Messages received per ledger row: the sink's view of "exactly once". */
export function deliveriesSeen(sink: SmtpSink): Map<string, ReceivedMail[]> {
  const seen = new Map<string, ReceivedMail[]>();
  for (const m of sink.messages) {
    const id = header(m, 'X-Delivery-Id') ?? 'missing';
    seen.set(id, [...(seen.get(id) ?? []), m]);
  }
  return seen;
}

export function duplicates(sink: SmtpSink): number {
  return [...deliveriesSeen(sink).values()].reduce((n, list) => n + list.length - 1, 0);
}
