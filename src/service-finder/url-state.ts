/**
 * Search, filters and the open service in the page URL (only with the `url-state`
 * attribute), so a counsellor can bookmark or send a result. Parameters are prefixed
 * `lotse-` to stay clear of the host page's own.
 */
import { GROUPS, type Selection } from './filters.js';

export interface FinderUrlState {
  query: string;
  selection: Selection;
  serviceId?: string;
}

const PREFIX = 'lotse-';

export function readUrlState(url = new URL(location.href)): FinderUrlState {
  const params = url.searchParams;
  const selection: Selection = {};
  for (const group of GROUPS) {
    const value = params.get(PREFIX + group);
    if (value) selection[group] = value.split(',').filter(Boolean);
  }
  return { query: params.get(`${PREFIX}q`) ?? '', selection, serviceId: params.get(`${PREFIX}service`) ?? undefined };
}

export function urlFor(state: FinderUrlState, url = new URL(location.href)): string {
  const params = url.searchParams;
  for (const key of [...params.keys()]) if (key.startsWith(PREFIX)) params.delete(key);
  if (state.query) params.set(`${PREFIX}q`, state.query);
  for (const group of GROUPS) {
    const chosen = state.selection[group];
    if (chosen?.length) params.set(PREFIX + group, chosen.join(','));
  }
  if (state.serviceId) params.set(`${PREFIX}service`, state.serviceId);
  return url.href;
}

/** Write the state: a new history entry when a service opens (so Back closes it). */
export function writeUrlState(state: FinderUrlState, push: boolean) {
  const href = urlFor(state);
  if (href === location.href) return;
  if (push) history.pushState({ lotse: true }, '', href);
  else history.replaceState(history.state, '', href);
}
