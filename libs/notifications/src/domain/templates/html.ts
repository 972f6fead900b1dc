/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Plain paragraphs (blank-line separated) as HTML, every character escaped. */
export const paragraphsToHtml = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** Text in fixed-width columns (a table) as HTML, escaped, its layout kept. */
export const preformattedHtml = (text: string): string =>
  `<pre style="font-family:monospace;font-size:0.85em;line-height:1.3;overflow-x:auto">${escapeHtml(text)}</pre>`;

/** The one HTML layout every email uses: no remote images, no tracking, readable without CSS. */
export function htmlLayout(o: { title: string; bodyHtml: string; link: { href: string; label: string } | null; footer: string }): string {
  const button = o.link
    ? `<p><a href="${escapeHtml(o.link.href)}" style="display:inline-block;padding:8px 14px;background:#8b1e1e;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(o.link.label)}</a></p>`
    : '';
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em;margin:auto;padding:1em">',
    `<h1 style="font-size:1.3em">${escapeHtml(o.title)}</h1>`,
    o.bodyHtml,
    button,
    `<hr><p style="font-size:0.85em;color:#555">${escapeHtml(o.footer)}</p>`,
    '</body></html>',
  ].join('\n');
}
