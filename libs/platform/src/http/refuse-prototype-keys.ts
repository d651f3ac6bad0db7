const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A JSON.parse reviver that refuses bodies naming `__proto__`, `constructor` or `prototype`: no
 * schema here has such a field, yet a strict object schema that looks keys up with `in` finds them
 * on Object.prototype and lets them through, and merging code downstream could be polluted by them.
 * Throwing makes the body parser answer 400, like any malformed JSON.
 */
export function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(`The field "${key}" is not allowed.`);
  return value;
}
