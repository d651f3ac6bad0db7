import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface ActivityTotals {
  /** Backend-seconds spent active (running a statement) per application_name, estimated from samples. */
  activeSeconds: Map<string, number>;
  /** Per application_name and what its backends waited on ("CPU" when on no wait event; "idle in transaction" between statements). */
  waits: Map<string, number>;
  samples: number;
}

/**
 * Where PostgreSQL's time goes, per client process, without pg_stat_statements (not preloaded here):
 * pg_stat_activity is sampled every `everyMs` and each active backend counts for the time since the
 * last sample, keyed by its application_name (each process of the bench connects under its own).
 */
export class PgActivitySampler {
  private readonly client: pg.Client;
  private totals: ActivityTotals = fresh();
  private timer?: NodeJS.Timeout;
  private last = 0;
  private busy = false;

  constructor(
    url: string,
    private readonly everyMs = 50,
  ) {
    this.client = new pg.Client({ connectionString: url, application_name: 'load-sampler' });
    this.client.on('error', () => undefined); // dropping the database at the end terminates this client
  }

  async start(): Promise<this> {
    await this.client.connect();
    this.last = performance.now();
    this.timer = setInterval(() => void this.sample(), this.everyMs);
    return this;
  }

  /** The totals since the last call, and a fresh count from now. */
  take(): ActivityTotals {
    const taken = this.totals;
    this.totals = fresh();
    return taken;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.client.end().catch(() => undefined);
  }

  private async sample(): Promise<void> {
    if (this.busy) return; // a late answer: the next sample counts the time in between
    this.busy = true;
    try {
      // A transaction left open between statements holds its locks while the client works: shown apart.
      const { rows } = await this.client.query<{ app: string; wait: string; active: boolean }>(
        `SELECT application_name AS app, state = 'active' AS active,
                CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'CPU') ELSE 'idle in transaction' END AS wait
           FROM pg_stat_activity WHERE datname = current_database() AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid()`,
      );
      const now = performance.now();
      const seconds = (now - this.last) / 1000;
      this.last = now;
      this.totals.samples++;
      for (const { app, wait, active } of rows) {
        if (active) this.totals.activeSeconds.set(app, (this.totals.activeSeconds.get(app) ?? 0) + seconds);
        this.totals.waits.set(`${app} ${wait}`, (this.totals.waits.get(`${app} ${wait}`) ?? 0) + seconds);
      }
    } catch {
      // The database going away at the end of the run.
    } finally {
      this.busy = false;
    }
  }
}

function fresh(): ActivityTotals {
  return { activeSeconds: new Map(), waits: new Map(), samples: 0 };
}
