import type { ReactiveController, ReactiveControllerHost } from 'lit';

const MINUTE = 60_000;

/** A widget whose time can be pinned: `LotseElement` with its `now` property. */
export interface ClockHost extends ReactiveControllerHost {
  now?: Date | string;
}

/**
 * The time a widget shows, and its one refresh rule. `now` is the host's pinned `now` (tests,
 * demos, the editor's preview) when it is a valid date, else the device clock. A widget that
 * read `now` in a render re-renders on the next full minute ("open until 12:00" turns at
 * 12:00), as long as it is on the page and not pinned; one that never reads it has no timer.
 * Lists rendered with `repeat` keep their rows (and the focus) through it. `tick()` is the
 * refresh itself, so tests need not wait for the clock.
 */
export class ClockController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private connected = false;
  /** `now` was read since the last refresh: the host shows the time. */
  private read = false;

  constructor(private readonly host: ClockHost) {
    host.addController(this);
  }

  /** The pinned time, if the host's `now` is a valid date. */
  get pinned(): Date | undefined {
    const value = this.host.now;
    if (value === undefined || value === null || value === '') return undefined;
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? undefined : at;
  }

  /** The time to show: the pinned one, else the device clock. */
  get now(): Date {
    this.read = true;
    const pinned = this.pinned;
    // A pinned time does not move: no timer.
    if (this.connected && this.timer === undefined && !pinned) this.schedule();
    return pinned ?? new Date();
  }

  hostConnected() {
    this.connected = true;
    if (this.read && !this.pinned) this.schedule();
  }

  hostDisconnected() {
    this.connected = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Re-render with the current time. */
  tick() {
    this.host.requestUpdate();
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.read = false;
        // A render that reads `now` again arms the next minute; a pinned time does not move.
        if (!this.pinned) this.tick();
      },
      MINUTE - (Date.now() % MINUTE),
    );
  }
}
