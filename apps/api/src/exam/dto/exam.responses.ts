import { z } from 'zod';
import { calendarDate, count, isoTimestamp, timestamp } from '../../dto/response-fields.js';

export const examWindowResponse = z
  .strictObject({
    id: z.string(),
    associationCode: z.string(),
    sitsOn: calendarDate.meta({ description: "The sitting's date where the association is." }),
    registrationClosesAt: isoTimestamp,
    online: z.boolean(),
    location: z.string().nullable(),
    capacity: count,
    seatsLeft: count,
  })
  .meta({ id: 'ExamWindow', description: 'One exam sitting.' });

export const examWindowListResponse = z
  .strictObject({ windows: z.array(examWindowResponse) })
  .meta({ id: 'ExamWindowList', description: 'Exam sittings, soonest first.' });

export const examSeatResponse = z
  .strictObject({
    attemptNo: z.int(),
    candidateCode: z.string().meta({ description: 'Written on the papers instead of the name, so scoring is blind.' }),
    window: examWindowResponse,
  })
  .meta({ id: 'ExamSeat', description: 'A booked seat at a sitting.' });

export const examApprovalResponse = z
  .strictObject({ applicationId: z.string(), state: z.string(), version: z.int(), examApprovedAt: timestamp, seat: examSeatResponse.nullable() })
  .meta({ id: 'ExamApproval', description: 'The application approved to sit the exam, with the seat booked if a sitting was named.' });

export const examPaperResponse = z
  .strictObject({
    paperId: z.string(),
    candidateCode: z.string(),
    category: z.string(),
    window: z.strictObject({ id: z.string(), sitsOn: calendarDate, online: z.boolean(), location: z.string().nullable() }),
    part1: z.strictObject({ recorded: z.boolean() }),
    part2: z.strictObject({ scoresIn: count, scoresNeeded: count, yourScore: z.number().nullable() }),
  })
  .meta({ id: 'ExamPaper', description: 'A paper to score, known only by its candidate code.' });

export const examPaperListResponse = z
  .strictObject({
    papers: z.array(examPaperResponse),
    next: z.string().nullable().meta({ description: 'Pass as `after` for the next page; null on the last one.' }),
  })
  .meta({ id: 'ExamPaperList', description: 'A page of papers to score.' });

export const scoreRecordedResponse = z
  .strictObject({ paperId: z.string(), decided: z.boolean().meta({ description: 'Both parts are in and the attempt is passed or failed.' }) })
  .meta({ id: 'ScoreRecorded', description: 'The score recorded, and whether the attempt is now decided.' });
