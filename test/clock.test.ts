import { expect } from '@open-wc/testing';
import { ClockController, type ClockHost } from '../src/core/clock.js';

/** 10:30:40 UTC: the next full minute is 20 s away. */
const AT = Date.UTC(2026, 10, 24, 9, 30, 40);

/**
 * A fake clock for the controller's timer: `setTimeout`, `clearTimeout` and `Date.now` are
 * replaced while `run` runs (synchronously), and timers fire only when the test says so.
 */
function withFakeTimers(run: (timers: Map<number, { fire: () => void; ms: number }>) => void) {
  const real = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout, now: Date.now };
  const timers = new Map<number, { fire: () => void; ms: number }>();
  let next = 0;
  window.setTimeout = ((fire: () => void, ms: number) => {
    timers.set(++next, { fire, ms });
    return next;
  }) as typeof setTimeout;
  window.clearTimeout = ((id: number) => void timers.delete(id)) as typeof clearTimeout;
  Date.now = () => AT;
  try {
    run(timers);
  } finally {
    Object.assign(window, { setTimeout: real.setTimeout, clearTimeout: real.clearTimeout });
    Date.now = real.now;
  }
}

function host(now?: Date | string) {
  const h = {
    now,
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      h.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  return h satisfies ClockHost;
}

/** Fire the pending timers (a fired timer is gone, as in the browser). */
function fireAll(timers: Map<number, { fire: () => void }>) {
  const due = [...timers.values()];
  timers.clear();
  due.forEach((t) => t.fire());
}

describe('clock controller', () => {
  it('gives the pinned time when `now` is a valid date, else the device clock', () => {
    expect(new ClockController(host('2026-11-24T10:30:00+01:00')).now.toISOString()).to.equal('2026-11-24T09:30:00.000Z');
    const date = new Date(AT);
    expect(new ClockController(host(date)).now.getTime()).to.equal(AT);
    for (const value of [undefined, '', 'kein Datum']) {
      const before = Date.now();
      const now = new ClockController(host(value)).now.getTime();
      expect(now, String(value)).to.be.within(before, Date.now());
    }
  });

  it('re-renders a widget that shows the time on the next full minute, and only while it is on the page', () => {
    withFakeTimers((timers) => {
      const h = host();
      const clock = new ClockController(h);
      clock.hostConnected();
      expect(timers.size, 'no timer before the time is shown').to.equal(0);
      void clock.now;
      expect([...timers.values()].map((t) => t.ms)).to.deep.equal([20_000]);
      fireAll(timers);
      expect(h.updates).to.equal(1);
      // The render reads the time again and so asks for the next minute.
      expect(timers.size).to.equal(0);
      void clock.now;
      expect([...timers.values()].map((t) => t.ms)).to.deep.equal([20_000]);
      clock.hostDisconnected();
      expect(timers.size, 'off the page').to.equal(0);
      void clock.now;
      expect(timers.size, 'read while off the page').to.equal(0);
      clock.hostConnected();
      expect(timers.size, 'back on the page').to.equal(1);
    });
  });

  it('does not re-render a pinned time on its own; tick() re-renders at once', () => {
    withFakeTimers((timers) => {
      const h = host('2026-11-24T10:30:00+01:00');
      const clock = new ClockController(h);
      clock.hostConnected();
      void clock.now;
      // No timer at all (a test's own fake timers never meet the widget's minute).
      expect(timers.size).to.equal(0);
      fireAll(timers);
      expect(h.updates).to.equal(0);
      clock.tick();
      expect(h.updates).to.equal(1);
    });
  });
});
