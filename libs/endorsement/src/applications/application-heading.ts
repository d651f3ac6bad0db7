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
