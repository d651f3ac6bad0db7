/** At most `limit` calls of `run` in progress at once; the others wait their turn, first come first served. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(op: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await op();
    } finally {
      // The slot passes straight to the next caller, so `active` never overshoots.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
