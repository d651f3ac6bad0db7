// The metrics catalogue depends on nothing of ours, so every library (queues, mail, use cases) can count.
export * from './metrics.js';
