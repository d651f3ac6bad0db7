import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

function machineTicks(): { busy: number; total: number } {
  // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal …
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3] - (fields[4] ?? 0), total };
}

/**
 * CPU spent by this process and by the whole machine between start and stop: where a round's time
 * went (this process's event loop vs PostgreSQL, Redis and everything else). Linux only for the
 * machine figure; elsewhere it reads as NaN.
 */
export function cpuMeter(): { stop(): { processMs: number; machineBusy: number; cores: number } } {
  const cpu0 = process.cpuUsage();
  let m0: { busy: number; total: number } | undefined;
  try {
    m0 = machineTicks();
  } catch {
    m0 = undefined;
  }
  return {
    stop() {
      const d = process.cpuUsage(cpu0);
      let machineBusy = NaN;
      if (m0) {
        const m1 = machineTicks();
        machineBusy = (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total);
      }
      return { processMs: (d.user + d.system) / 1000, machineBusy, cores: cpus().length };
    },
  };
}
