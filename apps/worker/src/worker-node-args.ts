/**
 * Node flags the worker runs with, wherever it is started (npm start, the fault tests; package.json's
 * start:worker and docker-compose.yml repeat them, test/foundation/docker-compose.test.ts checks). A V8 heap
 * budget makes the collector reclaim before the process grows. Since Node 22, V8 sizes the young generation
 * apart from the old one (up to 3 × 64 MB on Node 24), so the old-space cap alone no longer bounds the heap
 * (128 MB gives a 320 MB limit) and it thrashes: 387 full collections (4.4 s) in one `bench:mail` run, the
 * renewal sweep's peak RSS 230 → 313 MB from 100,000 to 1,000,000 endorsements (`bench:renewal`). Semi-spaces
 * of 16 MB, Node 20's default, bring back its 176 MB limit: 204 → 225 MB (Node 20: 190 → 199; no budget:
 * 279 → 438), 16 full collections in `bench:mail` (Node 20: 11). 256 MB without it: 279 → 326 MB.
 */
export const WORKER_NODE_ARGS: readonly string[] = ['--max-old-space-size=128', '--max-semi-space-size=16'];
