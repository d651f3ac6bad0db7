/**
 * A paper as exam reviewers see it: a candidate code, never a name, address or application id, and
 * of part 2 only how many scores are in and the caller's own, so the two scores stay independent.
 */
export interface ExamPaperView {
  paperId: string;
  candidateCode: string;
  category: string;
  window: { id: string; sitsOn: string; online: boolean; location: string | null };
  part1: { recorded: boolean };
  part2: { scoresIn: number; scoresNeeded: number; yourScore: number | null };
}
