import type { OwnApplication } from './own-application.js';

/** What names an application and where it stands: the list and the full view both start with it. */
export interface ApplicationHeading {
  id: string;
  associationCode: string;
  categoryCode: string;
  trackCode: string | null;
  /** The association's name for the category. */
  displayName: string;
  state: string;
  version: number;
  createdAt: Date;
}

/** The heading of one of the caller's applications, as the list and the full view both answer it. */
export function headingOf(app: OwnApplication): ApplicationHeading {
  return {
    id: app.id,
    associationCode: app.association_code,
    categoryCode: app.category_code,
    trackCode: app.track_code,
    displayName: app.rules.displayName,
    state: app.state,
    version: app.version,
    createdAt: app.created_at,
  };
}
