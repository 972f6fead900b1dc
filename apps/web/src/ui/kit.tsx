/**
 * The design system's components: every control has a visible label, errors are tied to their
 * field with aria-describedby, alerts use live regions, and nothing relies on colour alone.
 */
import { useEffect, useId, useLayoutEffect, useRef, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError } from '../api/client';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'ghost' | 'danger' | 'exit'; small?: boolean; block?: boolean; busy?: boolean };
export function Button({ variant = 'primary', small, block, busy, className, children, disabled, type = 'button', ...rest }: ButtonProps) {
  const cls = ['button', variant !== 'primary' && `button--${variant}`, small && 'button--small', block && 'button--block', className].filter(Boolean).join(' ');
  return (
    <button type={type} className={cls} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
      {busy ? <span className="visually-hidden"> (working…)</span> : null}
    </button>
  );
}

interface FieldShell {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
}
function useFieldIds(error?: string | null, hint?: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

export function TextField({ label, hint, error, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <div className="field">
      <label htmlFor={input.id ?? ids.id}>{label}</label>
      {hint ? <span className="hint" id={ids.hintId}>{hint}</span> : null}
      <input type="text" id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
      {error ? <span className="field-error" id={ids.errorId}>{error}</span> : null}
    </div>
  );
}

export function TextArea({ label, hint, error, ...input }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <div className="field">
      <label htmlFor={ids.id}>{label}</label>
      {hint ? <span className="hint" id={ids.hintId}>{hint}</span> : null}
      <textarea id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
      {error ? <span className="field-error" id={ids.errorId}>{error}</span> : null}
    </div>
  );
}

export function SelectField({ label, hint, error, children, ...input }: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = useFieldIds(error, hint);
  const select = useRef<HTMLSelectElement>(null);
  // React selects a controlled select's option when the value changes, not when the options do:
  // a choice made before its option arrived (a list reloaded after a save) would show as unselected.
  const value = input.value;
  useLayoutEffect(() => {
    if (select.current && typeof value === 'string' && select.current.value !== value) select.current.value = value;
  });
  return (
    <div className="field">
      <label htmlFor={ids.id}>{label}</label>
      {hint ? <span className="hint" id={ids.hintId}>{hint}</span> : null}
      <select ref={select} id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input}>
        {children}
      </select>
      {error ? <span className="field-error" id={ids.errorId}>{error}</span> : null}
    </div>
  );
}

export function Checkbox({ label, hint, ...input }: { label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="choice">
      <input type="checkbox" id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>
        {label}
        {hint ? <span className="hint" id={`${id}-hint`}>{hint}</span> : null}
      </label>
    </div>
  );
}

export function Alert({ kind = 'info', title, children, live }: { kind?: 'info' | 'error' | 'success' | 'warning'; title?: ReactNode; children?: ReactNode; live?: boolean }) {
  const role = kind === 'error' ? 'alert' : live ? 'status' : undefined;
  return (
    <div className={`alert alert--${kind}`} role={role}>
      {title ? <span className="alert__title">{title}</span> : null}
      {children}
    </div>
  );
}

/** The API's own words for what went wrong, and its code for anyone reporting a problem. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error));
  const fields = Array.isArray((e.details as { fields?: unknown })?.fields) ? ((e.details as { fields: { field: string; messages: string[] }[] }).fields ?? []) : [];
  return (
    <Alert kind="error" title={title ?? 'That did not work'}>
      <p>{e.message}</p>
      {fields.length ? (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>
              <strong>{f.field}</strong>: {f.messages.join(', ')}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="alert__code">
        Code: <code>{e.code}</code>
      </p>
    </Alert>
  );
}

export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children}
      {action ? <div className="form-actions">{action}</div> : null}
    </div>
  );
}

/** For an area whose API routes are not on this server. */
export function NotAvailable({ what }: { what: string }) {
  return (
    <EmptyState title={`${what} is not available on this server yet`}>
      <p>This part of the platform is still being built. When the server offers it, it will appear here without anything to install.</p>
    </EmptyState>
  );
}

export function Card({ title, children, headingLevel = 2, className }: { title?: ReactNode; children?: ReactNode; headingLevel?: 2 | 3; className?: string }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={['card', className].filter(Boolean).join(' ')}>
      {title ? <H>{title}</H> : null}
      {children}
    </section>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite" data-loading="">
      {label}
    </p>
  );
}

/** The page's title (document.title and h1). The h1 takes focus after navigation, so screen readers announce the new page. */
export function PageHeader({ title, intro, docTitle, children }: { title: ReactNode; intro?: ReactNode; docTitle?: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = docTitle ?? (typeof title === 'string' ? `${title} — Commons` : 'Commons');
  }, [docTitle, title]);
  useEffect(() => {
    if (window.__commonsNavigated) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page-header">
      <h1 tabIndex={-1} ref={ref} id="page-title">
        {title}
      </h1>
      {intro ? <p>{intro}</p> : null}
      {children}
    </div>
  );
}

declare global {
  interface Window {
    __commonsNavigated?: boolean;
  }
}

export interface Column<T> {
  header: ReactNode;
  label?: string;
  cell: (row: T) => ReactNode;
  num?: boolean;
}
export function Table<T>({ caption, columns, rows, rowKey, rowClass }: { caption: ReactNode; columns: Column<T>[]; rows: T[]; rowKey: (row: T, i: number) => string; rowClass?: (row: T) => string | undefined }) {
  return (
    <div className="table-wrap">
      <table className="responsive">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r, i)} className={rowClass?.(r)}>
              {columns.map((c, j) => (
                <td key={j} data-label={c.label ?? (typeof c.header === 'string' ? c.header : '')} className={c.num ? 'num' : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Badge({ kind = 'neutral', children }: { kind?: 'good' | 'bad' | 'neutral' | 'info'; children: ReactNode }) {
  return <span className={`badge badge--${kind}`}>{children}</span>;
}

export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([k, v], i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
