import type { HeldServices } from './held-services.js';
import type { Service } from './schema.js';

/**
 * A worker-side answerer (the finder's, the hours map's) made for the services current on the
 * asked day, made again on the next day; a question waits (`until`) for what it needs, read
 * again each time the answerer says it has more (its model, its index).
 */
export class PerDay<T> {
  private current?: { today: string; value: T };
  private waiting: (() => void)[] = [];

  constructor(
    private readonly held: HeldServices,
    private readonly make: (services: Service[], changed: () => void) => T,
  ) {}

  on(now: Date): T {
    const { today, services } = this.held.on(now);
    if (this.current?.today !== today) this.current = { today, value: this.make(services, () => this.wakeAll()) };
    return this.current.value;
  }

  /** The first reading of the day's answerer that gives something; read again whenever it has more. */
  async until<A>(now: Date, read: (value: T) => A | undefined): Promise<A> {
    for (;;) {
      const found = read(this.on(now));
      if (found !== undefined) return found;
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private wakeAll() {
    for (const wake of this.waiting.splice(0)) wake();
  }
}
