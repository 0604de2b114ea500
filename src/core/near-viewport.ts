/**
 * Whether a widget may start its work on the feed: once it comes within a screen's height of
 * the visible part of the page, once the page is idle, or once the visitor moves the focus into
 * it, whichever comes first. A widget further down the page thus keeps its reserved loading box
 * while the page loads and the widgets the visitor sees render first. The idle moment is not
 * left out: screen readers read a page without scrolling it, and find-in-page searches all of
 * it, so every widget is rendered soon after the page has loaded.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long to wait at most for an idle moment (ms), and the wait where the browser cannot tell. */
const IDLE_TIMEOUT_MS = 2000;
const NO_IDLE_WAIT_MS = 500;

export class NearViewportController implements ReactiveController {
  /** True from the first moment the widget may work. */
  reached = false;
  /** Resolves then. */
  readonly whenReached: Promise<void>;
  private resolve!: () => void;
  private observer?: IntersectionObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onReached: () => void,
  ) {
    this.whenReached = new Promise((resolve) => {
      this.resolve = resolve;
    });
    host.addController(this);
  }

  hostConnected() {
    if (this.reached || this.observer) return;
    if (typeof IntersectionObserver !== 'function') return this.reach();
    // Nothing is undone when the widget leaves the page early: the idle moment comes anyway.
    this.observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && this.reach(), {
      rootMargin: '100% 0px',
    });
    this.observer.observe(this.host);
    this.host.addEventListener('focusin', this.reach);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(this.reach, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(this.reach, NO_IDLE_WAIT_MS);
  }

  private reach = () => {
    if (this.reached) return;
    this.reached = true;
    this.observer?.disconnect();
    this.host.removeEventListener('focusin', this.reach);
    this.onReached();
    this.resolve();
  };
}
