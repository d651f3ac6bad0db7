import { Page } from '../../app/page';

export function StaffHomePage() {
  return <Page title="Staff">{null}</Page>;
}
