import type { HeldServices } from './held-services.js';
import type { Service } from './schema.js';

/**
 * A worker-side answerer (the finder's, the hours map's) made for the services current on the
 * asked day, made again on the next day; `changed()` resolves when it says it has more (its
 * model, its index), so a question can wait for what it needs.
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

  changed(): Promise<void> {
    return new Promise((wake) => this.waiting.push(wake));
  }

  private wakeAll() {
    for (const wake of this.waiting.splice(0)) wake();
  }
}
