/** The services a quick-check lists under a step (in the render, or in the feed worker for a kept feed). */
import type { Service } from '../core/feed/schema.js';

const MAX_SERVICES_PER_STEP = 3;

/** What of a step picks its services. */
export interface StepTopics {
  id: string;
  categories: string[];
}

/** Active services that name the step among their topics, else those of its categories; at most three. */
export function servicesForStep(step: StepTopics, services: Service[]): Service[] {
  const active = services.filter((s) => s.status === 'active');
  const byTopic = active.filter((s) => s.topics.includes(step.id));
  const list = byTopic.length ? byTopic : active.filter((s) => s.categories.some((c) => step.categories.includes(c)));
  return list.slice(0, MAX_SERVICES_PER_STEP);
}
