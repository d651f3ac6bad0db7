/** The data in config/ is invalid; the message lists every problem, one per line, with file and path. */
export class FrameworkDataError extends Error {
  override readonly name = 'FrameworkDataError';

  constructor(readonly problems: readonly string[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(`Invalid framework data (${count}):\n${problems.join('\n')}`);
  }
}

/** A lookup named an association, category or track that does not exist or is not offered. */
export class FrameworkLookupError extends Error {
  override readonly name = 'FrameworkLookupError';
}
