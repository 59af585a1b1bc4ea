/**
 * Runs tasks one after another per key, in the order they were queued, in this process:
 * two turns of one conversation never overlap here (across instances, the store's eTags
 * catch it). Keys are forgotten once their queue is empty.
 *
 *   queue.run('conversation-1', () => turn(a)); queue.run('conversation-1', () => turn(b)); // b after a
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}
