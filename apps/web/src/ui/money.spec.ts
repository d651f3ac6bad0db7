import { expect, test } from '@jest/globals';
import { money } from './money';

test('money shows its cents and its currency', () => {
  expect(money({ amount: 30, currency: 'USD' })).toBe('$30.00');
  expect(money({ amount: 35, currency: 'AUD' })).toBe('A$35.00');
});
