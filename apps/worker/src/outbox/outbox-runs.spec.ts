import { describe, expect, test } from '@jest/globals';
import { runsOf } from './outbox-runs.js';

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i));

describe('runsOf', () => {
  test('cuts ids into runs of 50 and names no request when no row has one', () => {
    expect(runsOf(ids(1, 120))).toEqual([{ outboxIds: ids(1, 50) }, { outboxIds: ids(51, 50) }, { outboxIds: ids(101, 20) }]);
  });

  test('a run of one request carries its requestId; a run of several lists each once; rows without one add nothing', () => {
    const requestIds = new Map([
      ['1', 'req-a'],
      ['2', 'req-a'],
      ['51', 'req-b'],
      ['52', 'req-c'],
      ['53', 'req-b'],
    ]);
    expect(runsOf(ids(1, 120), requestIds)).toEqual([
      { outboxIds: ids(1, 50), requestId: 'req-a' },
      { outboxIds: ids(51, 50), requestIds: ['req-b', 'req-c'] },
      { outboxIds: ids(101, 20) },
    ]);
  });

  test('a run serving more than 8 requests names none: its emails carry their own', () => {
    const nine = new Map(ids(1, 9).map((id) => [id, `req-${id}`]));
    expect(runsOf(ids(1, 9), new Map([...nine].slice(0, 8)))).toEqual([{ outboxIds: ids(1, 9), requestIds: ids(1, 8).map((id) => `req-${id}`) }]);
    expect(runsOf(ids(1, 9), nine)).toEqual([{ outboxIds: ids(1, 9) }]);
  });
});
