import { Injectable } from '@nestjs/common';

/** Set when the process has been told to stop: readiness then answers 503 while requests in flight finish. */
@Injectable()
export class ShutdownState {
  draining = false;
}
