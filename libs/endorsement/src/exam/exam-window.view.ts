/** An exam sitting as staff and applicants see it. */
export interface ExamWindowView {
  id: string;
  associationCode: string;
  /** The sitting's date where the association is (YYYY-MM-DD). */
  sitsOn: string;
  registrationClosesAt: string;
  online: boolean;
  location: string | null;
  capacity: number;
  seatsLeft: number;
}
