import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

function machineTicks(): { busy: number; total: number } {
  // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal …
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3] - (fields[4] ?? 0), total };
}

/** CPU ms a process has used so far (utime + stime, USER_HZ = 100 on Linux); 0 once it is gone. */
function processCpuMs(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Time a process's main thread has waited for a core so far (run queue, ms); 0 once it is gone or off Linux. */
function runQueueMs(pid: number): number {
  try {
    // /proc/<pid>/schedstat: time on a CPU, time waiting on a run queue (ns), timeslices.
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

/**
 * CPU spent by this process, by other processes (another process of the bench, PostgreSQL backends)
 * and by the whole machine between start and stop: where a round's time went, in figures that a
 * busy machine does not inflate. A process named only at stop counts in full (it started within the
 * round). `othersRunQueueMs`: how long the others' main threads waited for a core, which on a shared
 * machine is time a request spends neither running nor waiting on I/O. Linux only for all but this
 * process's figure; elsewhere they read as NaN or 0.
 */
export function cpuMeter(others: number[] = []): {
  stop(othersNow?: number[]): { processMs: number; othersMs: number; othersRunQueueMs: number; machineBusy: number; cores: number };
} {
  const cpu0 = process.cpuUsage();
  const others0 = new Map(others.map((pid) => [pid, processCpuMs(pid)]));
  const waits0 = new Map(others.map((pid) => [pid, runQueueMs(pid)]));
  let m0: { busy: number; total: number } | undefined;
  try {
    m0 = machineTicks();
  } catch {
    m0 = undefined;
  }
  return {
    stop(othersNow = others) {
      const d = process.cpuUsage(cpu0);
      let machineBusy = NaN;
      if (m0) {
        const m1 = machineTicks();
        machineBusy = (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total);
      }
      const othersMs = othersNow.reduce((sum, pid) => sum + processCpuMs(pid) - (others0.get(pid) ?? 0), 0);
      const othersRunQueueMs = othersNow.reduce((sum, pid) => sum + runQueueMs(pid) - (waits0.get(pid) ?? 0), 0);
      return { processMs: (d.user + d.system) / 1000, othersMs, othersRunQueueMs, machineBusy, cores: cpus().length };
    },
  };
}
