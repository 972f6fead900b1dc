/**
 * Automatable WCAG 2.2 AA checks, run inside the page: landmarks, a label for every form
 * control, a name for every button and link, one h1, text contrast (4.5:1, or 3:1 for large
 * text) against the first opaque background behind it, touch targets of at least 24×24 px (2.5.8)
 * and no horizontal scrolling at the current width (1.4.10 reflow).
 * (Written as a string: the test project's TypeScript has no DOM types.)
 */
import type { Page } from 'playwright-core';

const SCRIPT = String.raw`(() => {
  const problems = [];
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const name = (el) => (el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ') || el.textContent || el.getAttribute('title') || '').trim();
  if (document.querySelectorAll('main').length !== 1) problems.push('exactly one <main> landmark expected');
  if (!document.querySelector('header, [role=banner]')) problems.push('no banner landmark');
  if (document.querySelectorAll('h1').length !== 1) problems.push('exactly one h1 expected, found ' + document.querySelectorAll('h1').length);
  if (!document.title.trim()) problems.push('empty document title');
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || !visible(el)) continue;
    const labelled = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!labelled) problems.push('form control without a label: ' + el.outerHTML.slice(0, 80));
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    if (!visible(el)) continue;
    if (!name(el)) problems.push('control without a name: ' + el.outerHTML.slice(0, 80));
    const r = el.getBoundingClientRect();
    const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline';
    if (!inline && (r.width < 24 || r.height < 24)) problems.push('target smaller than 24x24: ' + (name(el) || el.outerHTML.slice(0, 60)));
  }
  const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
  const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const bgOf = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a >= 0.99) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || seen.has(el) || !visible(el)) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    if (el.closest('.visually-hidden, [aria-hidden=true], option')) continue;
    const fg = parse(s.color); if (!fg) continue;
    const bg = bgOf(el);
    const mix = { r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a) };
    const [hi, lo] = [lum(mix), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(s.fontSize); const bold = Number(s.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const needed = large ? 3 : 4.5;
    const disabled = el.closest('button:disabled, [aria-disabled=true]');
    if (ratio < needed && !disabled) problems.push('contrast ' + ratio.toFixed(2) + ':1 < ' + needed + ' for "' + n.textContent.trim().slice(0, 40) + '"');
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('horizontal scrolling: page is ' + document.documentElement.scrollWidth + 'px wide in a ' + window.innerWidth + 'px window');
  return problems;
})()`;

export async function a11yProblems(page: Page): Promise<string[]> {
  return page.evaluate(SCRIPT) as Promise<string[]>;
}

/** Tab from the top of the page: the first stop must be the skip link, and it must be visibly focused. */
export async function firstTabStop(page: Page): Promise<{ text: string; outline: string }> {
  await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur(), window.scrollTo(0, 0)');
  await page.keyboard.press('Tab');
  return page.evaluate(String.raw`(() => { const el = document.activeElement; const s = getComputedStyle(el); return { text: (el.textContent || '').trim(), outline: s.outlineStyle + ' ' + s.outlineWidth }; })()`) as Promise<{ text: string; outline: string }>;
}
