/**
 * Node flags the worker runs with, wherever it is started (npm start, the fault tests; package.json's
 * start:worker and docker-compose.yml repeat them). A V8 heap budget makes the collector reclaim
 * before the process grows: without one, V8 lets ~150 MB of garbage pile up during a large renewal
 * sweep (peak RSS 174 → 310 MB from 100,000 to 1,000,000 endorsements), with one it stays flat
 * (160 → 171 MB; `npm run bench:renewal`), and 1,000-email bursts run in it (`bench:mail`).
 */
export const WORKER_NODE_ARGS: readonly string[] = ['--max-old-space-size=128'];
