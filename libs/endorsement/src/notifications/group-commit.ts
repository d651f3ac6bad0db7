interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes items as soon as they come, without one statement each (group commit): at most one write
 * in progress; whatever arrived while it ran (or while the first waited `gatherMs` for company) goes in
 * the next one. So an item is written within about `gatherMs` and one write's time of its arrival,
 * however many arrive. `add` settles once its item's write did.
 */
export class GroupCommit<T> {
  private waiting: Waiting<T>[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    /** How long the first item of a write waits for others to join it (0: written at once). */
    private readonly gatherMs = 0,
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      if (this.gatherMs > 0) setTimeout(() => void this.drain(), this.gatherMs);
      else void this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.write(batch.map((w) => w.item));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = false;
  }
}
