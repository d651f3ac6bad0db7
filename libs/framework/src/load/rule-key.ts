/** Key of one set of resolved rules: the framework's (no association) or an association's. */
export function ruleKey(categoryCode: string, trackCode: string | null, associationCode: string | null = null): string {
  return [associationCode ?? '', categoryCode, trackCode ?? ''].join('/');
}
