/** Runs `op` over `items` with at most `concurrency` in flight, in order of start. */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, op: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await op(items[i], i);
      }
    }),
  );
}
