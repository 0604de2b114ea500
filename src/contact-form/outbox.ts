import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { backoff, deliver, type Outcome } from './delivery.js';
import { clearDraft, loadDraft, saveDraft, type Draft, type Method, type Pending } from './model.js';

/** `editing` the form, `sending` an attempt, `waiting` for the next try, `sent`. */
export type Phase = 'editing' | 'sending' | 'waiting' | 'sent';
export type Rejection = Extract<Outcome, { kind: 'rejected' }>;

export interface OutboxOptions {
  /** The checked endpoint, or undefined while the form is not set up. */
  endpoint(): string | undefined;
  /** The sessionStorage key of this form's draft. */
  storageKey(): string;
  /** What the draft keeps besides the message on its way. */
  draft(): Omit<Draft, 'pending'>;
  /** The message arrived (state is `sent` already). */
  onSent(message: Pending): void;
  /** One attempt failed; `rejected`: a 4xx about the message, no retry follows. */
  onFailed(message: Pending, status: number, rejected: boolean): void;
}

/**
 * The contact form's delivery: one message at a time, kept in the draft until it arrived,
 * tried again with backoff, when the browser comes back online and after a reload, never two
 * attempts at once (the server keeps it once by its Idempotency-Key). No timer runs while the
 * form is off the page; delays come from `deliveryOptions`, so tests shorten them.
 */
export class Outbox implements ReactiveController {
  phase: Phase = 'editing';
  /** Failed attempts of the message on its way. */
  attempts = 0;
  /** The last failed attempt's HTTP status (0: no connection). */
  lastStatus = 0;
  /** The endpoint is missing or misconfigured (see delivery.ts): not the visitor's fault. */
  serverProblem = false;
  rejection?: Rejection;
  sent?: { reference: string; method: Method };
  private pending?: Pending;
  private timer?: ReturnType<typeof setTimeout>;
  private inFlight?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly options: OutboxOptions,
  ) {
    host.addController(this);
  }

  /** A message is on its way (being sent, or waiting for the next try). */
  get busy() {
    return this.phase === 'sending' || this.phase === 'waiting';
  }

  hostConnected() {
    window.addEventListener('online', this.onOnline);
    // A message that was on its way before a reload (or before the element moved) goes on,
    // after the host has restored the draft in its own connectedCallback.
    queueMicrotask(() => {
      if (this.pending && this.phase !== 'sent') void this.send();
    });
  }

  hostDisconnected() {
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
  }

  /** The saved draft, with its message on the way (if any) taken into the outbox. */
  restore(): Draft | undefined {
    const draft = loadDraft(this.options.storageKey());
    this.pending = draft?.pending;
    return draft;
  }

  save() {
    saveDraft(this.options.storageKey(), { ...this.options.draft(), pending: this.pending });
  }

  /** Send a new message. */
  submit(message: Pending) {
    this.pending = message;
    this.attempts = 0;
    this.rejection = undefined;
    this.save();
    void this.send();
  }

  /** "Send again now" while waiting. */
  retryNow() {
    if (this.phase === 'waiting') void this.send();
  }

  /** Stop trying and edit: the message is a new one when sent again. */
  stop() {
    if (this.phase !== 'waiting') return;
    clearTimeout(this.timer);
    this.pending = undefined;
    this.set('editing');
    this.save();
  }

  /** Delete the message and the draft, even during an attempt. */
  discard() {
    clearTimeout(this.timer);
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.pending = undefined;
    clearDraft(this.options.storageKey());
    this.rejection = undefined;
    this.attempts = 0;
    this.set('editing');
  }

  dismissRejection() {
    this.rejection = undefined;
    this.host.requestUpdate();
  }

  /** Back to the form after a message arrived. */
  edit() {
    this.sent = undefined;
    this.set('editing');
  }

  private set(phase: Phase) {
    this.phase = phase;
    this.host.requestUpdate();
  }

  private onOnline = () => this.retryNow();

  /** One delivery attempt of the pending message; never two at once. */
  private async send() {
    const pending = this.pending;
    if (!pending || this.inFlight || !this.host.isConnected) return;
    clearTimeout(this.timer);
    const endpoint = this.options.endpoint();
    if (!endpoint) return;
    const control = (this.inFlight = new AbortController());
    this.set('sending');
    const outcome = await deliver(endpoint, pending.body, control.signal);
    if (this.inFlight === control) this.inFlight = undefined;
    if (this.pending !== pending) return; // deleted by the resident meanwhile
    if (outcome.kind === 'sent') {
      this.pending = undefined;
      clearDraft(this.options.storageKey());
      this.sent = { reference: outcome.reference ?? pending.id, method: pending.body.contact.method };
      this.attempts = 0;
      this.set('sent');
      this.options.onSent(pending);
    } else if (outcome.kind === 'retry') {
      this.attempts++;
      this.lastStatus = outcome.status;
      if (outcome.serverProblem && !this.serverProblem) {
        console.error(
          `[lotse] ${endpoint} answered ${outcome.status} (not a JSON answer of a contact endpoint): is the endpoint set up? See README, "Contact endpoint".`,
        );
      }
      this.serverProblem = Boolean(outcome.serverProblem);
      this.set('waiting');
      this.options.onFailed(pending, outcome.status, false);
      if (this.host.isConnected) this.timer = setTimeout(() => this.send(), backoff(this.attempts, outcome.afterMs));
    } else {
      // The server said no (4xx): this message will never be accepted as it is. The fields
      // stay; the next "Send" is a new message with a new key.
      this.pending = undefined;
      this.save();
      this.rejection = outcome;
      this.attempts = 0;
      this.set('editing');
      this.options.onFailed(pending, outcome.status, true);
    }
  }
}
