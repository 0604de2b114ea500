import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A timed refresh: "open now" changes with the clock, so a widget re-renders every
 * `periodMs` while it is on the page. Lists rendered with `repeat` keep their rows (and the
 * focus) through it. `tick()` is the refresh itself, so tests need not wait for the clock.
 */
export class ClockTick implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    host: ReactiveControllerHost,
    private readonly periodMs: number,
    private readonly onTick: () => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  hostConnected() {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), this.periodMs);
  }

  hostDisconnected() {
    clearInterval(this.timer);
  }

  tick() {
    this.onTick();
  }
}
