/** One missing or misconfigured service, described in one line an operator can act on. */
export interface ServiceProblem {
  service: 'PostgreSQL' | 'Redis';
  line: string;
}
