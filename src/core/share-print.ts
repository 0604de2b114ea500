/**
 * Sharing a link and printing one widget as a routing slip, shared by the finder and the
 * quick-check. Nothing is sent anywhere: the browser's share sheet or the clipboard.
 */

/**
 * Share a link with the Web Share API, else copy it. Returns what happened, so the widget
 * can say it in its own language: `shared` (or closed the sheet), `copied`, or `manual`
 * (neither worked: show the link to copy by hand).
 */
export async function shareLink(data: { title: string; text?: string; url: string }): Promise<'shared' | 'copied' | 'manual'> {
  try {
    if (navigator.share) {
      await navigator.share(data);
      return 'shared';
    }
    await navigator.clipboard.writeText(data.url);
    return 'copied';
  } catch (error) {
    return (error as Error)?.name === 'AbortError' ? 'shared' : 'manual';
  }
}

/**
 * Print only `host` (a one-page slip), not the page around it: a print-only sheet hides
 * everything else while printing. A constructed stylesheet works under a strict CSP.
 */
export function printOnly(host: HTMLElement) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@media print {
    body * { visibility: hidden !important; }
    [data-lotse-printing], [data-lotse-printing] * { visibility: visible !important; }
    [data-lotse-printing] { position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; }
  }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  host.setAttribute('data-lotse-printing', '');
  const done = () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    host.removeAttribute('data-lotse-printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  setTimeout(done, 1000); // some browsers never fire afterprint
}
