import { Page } from '../../app/page';

export function QueuesPage() {
  return <Page title="Queues">{null}</Page>;
}
