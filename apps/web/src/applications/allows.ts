import type { components } from '#api-client';

type Event = components['schemas']['AllowedEvent']['event'];

/** Whether the API lists `event` among what the applicant may do now: the page asks, it does not decide. */
export function allows(app: { allowedEvents: { event: Event }[] }, ...events: Event[]): boolean {
  return app.allowedEvents.some((a) => events.includes(a.event));
}
