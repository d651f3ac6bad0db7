import { AppProcess } from './app-process.js';

/** The built worker as a real child process, which a test can SIGKILL. */
export class WorkerProcess extends AppProcess {
  constructor(env: Record<string, string>) {
    super('worker', env);
  }
}
