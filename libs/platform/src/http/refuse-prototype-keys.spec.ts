import { describe, expect, test } from '@jest/globals';
import { refusePrototypeKeys } from './refuse-prototype-keys.js';

describe('refusePrototypeKeys', () => {
  test.each(['{"__proto__": {"roles": ["administrator"]}}', '{"a": {"constructor": {"prototype": {}}}}', '[{"prototype": 1}]'])('refuses %s', (json) => {
    expect(() => void JSON.parse(json, refusePrototypeKeys)).toThrow(SyntaxError);
  });

  test('passes ordinary bodies through unchanged', () => {
    expect(JSON.parse('{"reason": "constructor of sentences", "n": [1, {"b": null}]}', refusePrototypeKeys)).toEqual({
      reason: 'constructor of sentences',
      n: [1, { b: null }],
    });
  });
});
