/**
 * The translation files are complete: every UI string of every target language has a
 * non-empty <target> with the same placeholders as its German <source>, and all locale files
 * hold the same messages. (lit-localize falls back to German silently, so a missing or empty
 * target would otherwise only show up as a German word in a Romanian widget.)
 */
import { expect } from '@open-wc/testing';
import { targetLocales } from '../src/generated/locale-codes.js';
import all from '../src/generated/locales/all.js';
import core from '../src/generated/locales/core.js';

const LANGS = ['en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl'] as const;

interface Unit {
  id: string;
  source: Element;
  target: Element | null;
}

/** Placeholder id → equiv-text of the <x> elements in a <source> or <target>. */
function placeholders(element: Element): Map<string, string> {
  const found = new Map<string, string>();
  for (const x of element.getElementsByTagName('x')) found.set(x.getAttribute('id') ?? '', x.getAttribute('equiv-text') ?? '');
  return found;
}

async function load(lang: string): Promise<{ doc: Document; units: Unit[] }> {
  const response = await fetch(new URL(`../locales/${lang}.xlf`, import.meta.url));
  expect(response.ok, `locales/${lang}.xlf is served`).to.equal(true);
  const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
  expect(doc.getElementsByTagName('parsererror').length, `locales/${lang}.xlf is well-formed XML`).to.equal(0);
  const units = [...doc.getElementsByTagName('trans-unit')].map((unit) => ({
    id: unit.getAttribute('id') ?? '',
    source: unit.getElementsByTagName('source')[0],
    target: unit.getElementsByTagName('target')[0] ?? null,
  }));
  return { doc, units };
}

describe('translations (locales/*.xlf)', () => {
  const files = new Map<string, Unit[]>();
  before(async () => {
    for (const lang of LANGS) files.set(lang, (await load(lang)).units);
  });

  it('covers every target locale of lit-localize.json', () => {
    expect([...targetLocales].sort()).to.deep.equal([...LANGS].sort());
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      it('names its language in the file', async () => {
        const { doc } = await load(lang);
        expect(doc.getElementsByTagName('file')[0].getAttribute('target-language')).to.equal(lang);
      });

      it('has a non-empty target for every trans-unit', () => {
        const units = files.get(lang)!;
        expect(units.length).to.be.greaterThan(0);
        const missing = units.filter((u) => !u.target).map((u) => `${u.id} „${u.source.textContent}“`);
        expect(missing, `${lang}: trans-units without <target>`).to.deep.equal([]);
        const empty = units
          .filter((u) => u.target && !u.target.textContent!.trim() && !u.target.getElementsByTagName('x').length)
          .map((u) => `${u.id} „${u.source.textContent}“`);
        expect(empty, `${lang}: empty <target>`).to.deep.equal([]);
      });

      it('keeps the placeholders of the source in every target', () => {
        const wrong: string[] = [];
        for (const { id, source, target } of files.get(lang)!) {
          if (!target) continue;
          const want = placeholders(source);
          const got = placeholders(target);
          const sameIds = [...want.keys()].sort().join() === [...got.keys()].sort().join();
          const sameText = [...want].every(([x, text]) => got.get(x) === text);
          if (!sameIds || !sameText) wrong.push(`${id}: source ${[...want.keys()]} target ${[...got.keys()]}`);
        }
        expect(wrong, `${lang}: placeholders differ`).to.deep.equal([]);
      });
    });
  }

  it('has the same trans-units in every locale file', () => {
    const [first, ...rest] = LANGS;
    const ids = (lang: string) => files.get(lang)!.map((u) => u.id);
    for (const lang of rest) {
      expect(files.get(lang)!.length, `${lang} vs ${first}: number of trans-units`).to.equal(files.get(first)!.length);
      expect([...ids(lang)].sort(), `${lang} vs ${first}: trans-unit ids`).to.deep.equal([...ids(first)].sort());
    }
  });

  it('a plain or str`` message shows "&", "<" and ">" as written (lit-localize writes them as entities: scripts/locale-parts.mjs)', async () => {
    expect((await all.en()).templates['category-education']).to.equal('School & education');
    expect((await core.en()).templates['category-education']).to.equal('School & education');
    for (const lang of LANGS) {
      for (const [id, template] of Object.entries((await all[lang]()).templates)) {
        // html`` templates are read as HTML, so their entities are right; the others are text.
        const text = typeof template === 'string' ? template : 'strTag' in template ? template.strings.join('') : '';
        expect(text, `${lang} ${id}`).to.not.match(/&(amp|lt|gt);/);
      }
    }
  });
});
