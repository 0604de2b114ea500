/**
 * The week plan: seven days from today, each with the slots of the places shown (the list's
 * pages of 30, so a big feed stays quick) in time order, "now" marked.
 * A separate chunk: most visitors only use the list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { icon } from '../core/icons.js';
import type { Slot, Text } from '../core/feed/schema.js';
import type { Weekday } from '../core/feed/constants.js';
import { formatDate, formatTimeRange, languageList, weekdayName } from '../core/format.js';
import { occurrencesOn, type Clock, type Occurrence } from '../core/time/opening.js';
import { addDays, weekdayOf } from '../core/time/zoned.js';
import { slotLanguages } from '../core/slots.js';
import { slotMatches, type Entry, type Filters } from './model.js';

export interface WeekHost {
  locale: string;
  filters: Filters;
  text(value: Text | undefined): string;
  showText(value: Text | undefined): TemplateResult | string;
  /** Open a place in the list. */
  pick(key: string): void;
  kind(slot: Slot): TemplateResult;
}

export function renderWeek(host: WeekHost, entries: Entry[], clock: Clock) {
  const f = host.filters;
  const days: string[] = [];
  for (let n = 0; n < 7; n++) {
    const date = addDays(clock.today, n);
    if (!f.day || weekdayOf(date) === f.day) days.push(date);
  }
  const now = clock.nowMs;
  return html`<div class="week" part="week">
    ${repeat(
      days,
      (date) => date,
      (date) => {
        const rows: { entry: Entry; o: Occurrence }[] = [];
        for (const entry of entries) {
          if (!entry.location || entry.service.status === 'temporarily-closed') continue;
          for (const o of occurrencesOn(entry.location, date, clock)) {
            if (slotMatches(o.slot, entry.service, f, 'day')) rows.push({ entry, o });
          }
        }
        rows.sort((a, b) => a.o.start.getTime() - b.o.start.getTime());
        const holiday = clock.holiday(date);
        const day = weekdayName(weekdayOf(date) as Weekday, host.locale);
        return html`<section class="day ${date === clock.today ? 'today' : ''}">
        <h3>
          ${date === clock.today ? html`<span class="tag now-tag">${msg('Heute')}</span>` : nothing}
          ${day}, ${formatDate(date, host.locale, 'medium')}
          ${holiday ? html`<span class="tag">${msg('Feiertag')}</span>` : nothing}
        </h3>
        ${
          rows.length
            ? html`<ul class="slots">
              ${repeat(
                rows,
                ({ entry, o }) => `${entry.key} ${o.start.getTime()}`,
                ({ entry, o }) => {
                  const live = o.start.getTime() <= now && now < o.end.getTime();
                  return html`<li class=${live ? 'live' : ''}>
                  <strong class="time">${formatTimeRange(o.startMinutes, o.endMinutes, host.locale)}</strong>
                  ${live ? html`<span class="tag now-tag">${msg('Jetzt offen')}</span>` : nothing}
                  <button type="button" class="link" @click=${() => host.pick(entry.key)}>
                    ${host.showText(entry.service.name)}
                  </button>
                  ${host.kind(o.slot)}
                  <span>${icon('globe')} ${languageList(slotLanguages(o.slot, entry.service), host.locale)}</span>
                </li>`;
                },
              )}
            </ul>`
            : html`<p class="hint">${msg('Keine Sprechstunde.')}</p>`
        }
      </section>`;
      },
    )}
  </div>`;
}
