/** A small history router: paths under /app, plus /reset-password (the link in the reset e-mail). */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  window.__commonsNavigated = true;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};
export function useLocation(): { path: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + location.search);
  const u = new URL(href, 'http://x');
  return { path: u.pathname.replace(/\/+$/, '') || '/', search: u.searchParams, href };
}

/** "/app/branch/members/:id" against "/app/branch/members/42" → { id: "42" }. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

/** The paths the platform's e-mails link to, mapped to the interface's pages. */
export function emailLinkTarget(path: string): string | null {
  if (path === '/me/notifications') return '/app/notifications';
  if (path === '/me/subs') return '/app/record';
  if (path === '/me/cases') return '/app/s';
  const e = /^\/elections\/([^/]+)(\/ballot)?$/.exec(path);
  return e ? `/app/elections/${e[1]}` : null;
}
