import { Application } from './application.entity.js';
import { ApplicationEvent } from './application-event.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { Person } from './person.entity.js';

export { Application, ApplicationEvent, OutboxMessage, Person };

/** Every entity, imported as classes so builds and bundles find them. */
export const ENTITIES: Function[] = [Person, Application, ApplicationEvent, OutboxMessage];
