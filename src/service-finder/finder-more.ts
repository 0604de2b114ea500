/**
 * What the finder shows only after a visitor's action, never in its first view: the groups
 * behind "Mehr Filter", the empty result with its "try without …" suggestions, and the choice
 * of district or postcode when the device's position is not available. A chunk of its own
 * with the strings only it uses (the lazy part `finder-more`), requested in the render that
 * shows the first results (service-finder.ts `loadMore`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { icon } from '../core/icons.js';
import { formatNumber, languageName } from '../core/format.js';
import { entryLabel } from '../core/labels.js';
import type { Feed, Text, VocabularyEntry } from '../core/feed/schema.js';
import type { GroupId, Selection } from './filters.js';
import type { FinderAnswer } from './finder-search.js';

/** What these views need of the finder. */
export interface MoreContext {
  locale: string;
  selection: Selection;
  query: string;
  text: (value: Text | undefined) => string;
  /** A filter button of `group` (the finder's own, as in its first view). */
  chip: (group: GroupId, option: string, text: string, count: number | undefined, iconName?: string) => TemplateResult;
  clearGroup: (group: GroupId) => void;
  reset: () => void;
  submitPlace: (event: SubmitEvent) => void;
}

/** The groups behind "Mehr Filter": languages, audiences, districts and what one need not have. */
export function renderFilterGroups(ctx: MoreContext, feed: Feed, { audiences, counts }: FinderAnswer) {
  const languages = [...counts.language.keys(), ...(ctx.selection.language ?? [])]
    .filter((code, i, all) => all.indexOf(code) === i)
    .map((code) => ({ code, name: languageName(code, ctx.locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, ctx.locale));
  const group = (title: string, options: TemplateResult[]) =>
    options.length
      ? html`<fieldset class="group">
          <legend>${title}</legend>
          <div class="chips">${options}</div>
        </fieldset>`
      : nothing;
  return html`
    ${group(
      msg('Sprache der Beratung'),
      languages.map(({ code, name }) => ctx.chip('language', code, name, counts.language.get(code))),
    )}
    ${group(
      msg('Für wen'),
      feed.audiences
        .filter((a) => audiences.has(a.id))
        .map((a) => ctx.chip('audience', a.id, entryLabel('audiences', a, ctx.text), counts.audience.get(a.id), a.icon ?? a.id)),
    )}
    ${group(
      msg('Stadtteil'),
      feed.districts.map((d) => ctx.chip('district', d.id, ctx.text(d.label), counts.district.get(d.id), 'pin')),
    )}
    ${group(msg('Sie brauchen nicht'), [
      ctx.chip('needs', 'no-insurance', msg('Krankenversicherung'), counts.needs.get('no-insurance')),
      ctx.chip('needs', 'no-registration', msg('Anmeldung (Meldeadresse)'), counts.needs.get('no-registration')),
      ctx.chip('needs', 'anonymous', msg('Ihren Namen (anonym)'), counts.needs.get('anonymous')),
    ])}
  `;
}

/** No results: say which filter to loosen, with how many results that would give. */
export function renderEmpty(ctx: MoreContext, { loosen }: FinderAnswer) {
  const names: Record<GroupId, string> = {
    category: msg('Thema'),
    language: msg('Sprache'),
    audience: msg('Für wen'),
    district: msg('Stadtteil'),
    free: msg('Kostenlos'),
    walkIn: msg('Ohne Termin'),
    open: msg('Öffnungszeit'),
    needs: msg('Sie brauchen nicht'),
  };
  return html`<div class="empty state" part="state">
    <p class="title">${icon('info')} ${msg('Keine passenden Angebote.')}</p>
    ${
      loosen.length
        ? html`<p>${msg('Versuchen Sie es ohne diesen Filter:')}</p>
          <div class="chips">
            ${loosen.map(
              ({ group, count }) => html`<button class="chip" @click=${() => ctx.clearGroup(group)}>
              ${icon('close')}<span>${msg(str`Ohne „${names[group]}“`)}</span> <span class="chip-count">${formatNumber(count, ctx.locale)}</span>
            </button>`,
            )}
          </div>`
        : ctx.query.trim()
          ? html`<p>${msg('Versuchen Sie ein anderes Wort, zum Beispiel ein Thema wie „Arzt“ oder „Wohnung“.')}</p>`
          : nothing
    }
    <button class="primary" @click=${ctx.reset}>${icon('refresh')} ${msg('Alles zurücksetzen')}</button>
  </div>`;
}

/** The position is not available: sort by a district or a postcode instead. */
export function renderPlaceChoice(ctx: MoreContext, districts: VocabularyEntry[]) {
  return html`<form class="place" aria-labelledby="lotse-place-note" @submit=${ctx.submitPlace}>
    <div class="place-row">
      ${
        districts.length
          ? html`<label>${msg('Stadtteil')}
            <select name="district">
              <option value="">–</option>
              ${districts.map((d) => html`<option value=${d.id}>${ctx.text(d.label)}</option>`)}
            </select></label>`
          : nothing
      }
      <label>${msg('Postleitzahl')}
        <input name="postcode" inputmode="numeric" autocomplete="postal-code" size="6" maxlength="5" pattern="[0-9]*" /></label>
      <button class="primary" type="submit">${msg('Nach Nähe sortieren')}</button>
    </div>
  </form>`;
}
