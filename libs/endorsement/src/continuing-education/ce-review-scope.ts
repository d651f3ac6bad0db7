/**
 * Staff see the entries of people endorsed (or applying) in their association; an Alliance-wide
 * administrator ($n is null) sees all. `c` is ce_entries.
 */
export const inStaffScope = (param: string) =>
  `(${param}::text IS NULL OR EXISTS (SELECT 1 FROM applications a WHERE a.applicant_id = c.person_id AND a.association_code = ${param}))`;
