/**
 * What widgets other than the finder ask about a feed the worker keeps (feed-worker.ts): the
 * services current on a day, one of them by id, the categories in use, a quick-check's
 * services per step. Loaded into the worker on the first question (a lazy chunk there).
 */
import type { Feed, Service } from './schema.js';
import { isCurrent } from './current.js';
import { zonedParts } from '../time/zoned.js';
import { servicesForStep, type StepTopics } from '../../quick-check/step-services.js';

export class HeldServices {
  private day?: { today: string; services: Service[] };

  constructor(private readonly feed: Feed) {}

  /** Today's date in the feed's region, and the services current then (as the page's `currentServices`). */
  on(now: Date): { today: string; services: Service[] } {
    const today = zonedParts(now, this.feed.region.timezone).date;
    if (this.day?.today !== today) this.day = { today, services: this.feed.services.filter((s) => isCurrent(s, today)) };
    return this.day;
  }

  service(id: string, nowMs: number): Service | undefined {
    return this.on(new Date(nowMs)).services.find((s) => s.id === id);
  }

  /** The categories some current service has. */
  categories(nowMs: number): string[] {
    const used = new Set<string>();
    for (const service of this.on(new Date(nowMs)).services) for (const c of service.categories) used.add(c);
    return [...used];
  }

  /** A quick-check's services for each step (see `servicesForStep`). */
  forSteps(steps: StepTopics[], nowMs: number): Record<string, Service[]> {
    const { services } = this.on(new Date(nowMs));
    return Object.fromEntries(steps.map((step) => [step.id, servicesForStep(step, services)]));
  }
}
