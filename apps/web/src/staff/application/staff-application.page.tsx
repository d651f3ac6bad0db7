import { Page } from '../../app/page';

export function StaffApplicationPage() {
  return <Page title="Application">{null}</Page>;
}
