/** What a process's readiness probes: the services it cannot do its work without. */
export type ReadinessCheck = 'database' | 'redis' | 'smtp';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
