/**
 * The embed-code builder, part of the editor page (editor/builder.ts): what an editor picks is
 * what the preview shows and what the copied code says.
 */
import { expect } from '@open-wc/testing';
import { PREVIEW_ENDPOINT, hostScriptFrom, mountBuilder } from '../editor/builder.js';
import { feedCopy, until } from './helpers.js';

const FEED = '/test/fixtures/small-feed.json';
const root = document.createElement('main');
root.id = 'builder';
document.body.append(root);
const hostPage = await (await fetch(new URL('../demo/embed-host-snippet.html', import.meta.url))).text();
const builder = mountBuilder(root, { hostScript: hostScriptFrom(hostPage) });

const $ = <T extends Element = HTMLInputElement>(selector: string) => root.querySelector<T>(selector)!;
async function type(selector: string, text: string) {
  const input = $(selector);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
async function choose(selector: string) {
  $(selector).click();
}
const code = (id: string) => $<HTMLTextAreaElement>(`#${id}`).value;
const preview = () => $('#builder-preview').firstElementChild as (HTMLElement & { feed?: unknown }) | null;

describe('embed-code builder', () => {
  it('starts with the finder and shows its element and script', () => {
    expect(code('script-code')).to.equal(
      '<script type="module" src="/lotse/service-finder.js"></script>\n<lotse-service-finder feed="/lotse/services.json"></lotse-service-finder>',
    );
    expect(code('iframe-code')).to.contain('src="/lotse/embed.html?widget=service-finder&amp;feed=%2Flotse%2Fservices.json"');
  });

  it('without a feed read on the page, the opened preview says where it comes from', () => {
    $<HTMLDetailsElement>('details.builder-preview').open = true;
    $('details.builder-preview').dispatchEvent(new Event('toggle'));
    expect($('#builder-preview').textContent).to.contain('sobald oben eine Datei gelesen ist');
  });

  it('a feed, language and settings go into both snippets and the live preview', async () => {
    const feed = feedCopy();
    builder.setFeed(feed);
    await type('#feed', FEED);
    $<HTMLSelectElement>('#lang').value = 'en';
    $('#lang').dispatchEvent(new Event('change'));
    await until(() => root.querySelector('#cat-health'), 3000, 'category choices');
    await choose('#cat-health');
    await type('#page-size', '5');
    await choose('#url-state');
    expect(code('script-code')).to.contain(
      `<lotse-service-finder feed="${FEED}" lang="en" categories="health" page-size="5" url-state></lotse-service-finder>`,
    );
    const url = new URL(/src="([^"]+)"/.exec(code('iframe-code'))![1].replaceAll('&amp;', '&'), location.href);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      widget: 'service-finder',
      feed: FEED,
      lang: 'en',
      categories: 'health',
      'page-size': '5',
      'url-state': '',
    });
    await until(() => preview()?.getAttribute('page-size') === '5', 3000, 'the preview to follow');
    expect(preview()!.localName).to.equal('lotse-service-finder');
    // The preview shows the feed read on the page (a property), not a download of the address.
    expect(preview()!.feed).to.equal(feed);
    expect(preview()!.hasAttribute('feed')).to.equal(false);
    expect(preview()!.getAttribute('categories')).to.equal('health');
    // Districts of the editor's own feed are offered.
    await until(() => root.querySelector('select#district option[value="nord"]'), 3000, 'districts');
    expect(root.querySelector('select#district option[value="nord"]')!.textContent).to.equal('Nordviertel');
  });

  it('the contact form asks for its endpoint, and special characters are escaped', async () => {
    await choose('#widget-contact-form');
    expect($('[role="alert"]').textContent).to.contain('Empfangsadresse');
    await type('#endpoint', '/api/kontakt?a=1&b="2"');
    await type('#privacy-url', '/datenschutz');
    expect(root.querySelector('[role="alert"]')).to.equal(null);
    expect(code('script-code')).to.contain('src="/lotse/contact-form.js"');
    expect(code('script-code')).to.contain('endpoint="/api/kontakt?a=1&amp;b=&quot;2&quot;" privacy-url="/datenschutz"');
    expect(code('script-code')).not.to.contain('page-size');
    await until(() => preview()?.localName === 'lotse-contact-form', 3000, 'the preview to switch');
    // The preview never sends: its endpoint is a placeholder and its submit is stopped.
    expect(preview()!.getAttribute('endpoint')).to.equal(PREVIEW_ENDPOINT);
    expect(preview()!.getAttribute('privacy-url')).to.equal('/datenschutz');
  });

  it('refuses a javascript: feed', async () => {
    await type('#feed', 'javascript:alert(1)');
    expect($('[role="alert"]').textContent).to.contain('muss mit https:// beginnen');
    await type('#feed', FEED);
  });

  it('copies the code and says so', async () => {
    let copied = '';
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (text: string) => {
          copied = text;
        },
      },
    });
    try {
      root.querySelectorAll<HTMLButtonElement>('button.copy')[1].click();
      await until(() => copied, 2000, 'the clipboard');
      expect(copied).to.equal(code('iframe-code'));
      await until(() => $('.status').textContent!.includes('kopiert'), 2000, 'the note');
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('offers the resize script of the documented host snippet', async () => {
    await until(() => root.querySelector('#host-code'), 3000, 'the resize script');
    // (The test server rewrites the quotes of inline scripts; the page itself is served as is.)
    expect(code('host-code')).to.match(/data\.type !== .lotse-embed-height./);
    expect(code('host-code')).to.contain('event.origin');
  });

  it('is accessible', async () => {
    await expect(root).to.be.accessible();
  });
});
