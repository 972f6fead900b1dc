/**
 * The layout every page in front of the sign-in shares (sign in, password reset, activation,
 * invitations, address confirmation): a narrow column with its heading, a form in a card with
 * its buttons, the success notice that replaces the form, and the "e-mail me a link" form.
 */
import { useState, type ReactNode } from 'react';
import { Link } from '../../app/router';
import { useAction } from '../../ui/hooks';
import { Alert, Button, ErrorAlert, PageHeader, TextField } from '../../ui/kit';

/** A narrow column with the page's heading (and its introduction). */
export function PublicPage({ title, intro, width = '30rem', children }: { title: string; intro?: ReactNode; width?: string; children?: ReactNode }) {
  return (
    <div style={{ maxWidth: width }}>
      <PageHeader title={title} intro={intro} />
      {children}
    </div>
  );
}

/** A form in a card: its fields, then its buttons, then an optional note. Submitting never reloads the page. */
export function FormCard({ onSubmit, actions, footnote, children }: { onSubmit: () => void; actions: ReactNode; footnote?: ReactNode; children: ReactNode }) {
  return (
    <form
      className="card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <div className="form-actions">{actions}</div>
      {footnote}
    </form>
  );
}

/** What replaces a form once it has done its work: the server's message and where to go next. */
export function DoneNotice({ title, message, next }: { title: string; message: string; next: { to: string; label: string } }) {
  return (
    <Alert kind="success" title={title} live>
      <p>{message}</p>
      <p>
        <Link to={next.to}>{next.label}</Link>
      </p>
    </Alert>
  );
}

/**
 * "E-mail me a link" (a password reset, a new invitation): one address, the same answer whether
 * or not it is known, then "Check your e-mail".
 */
export function EmailLinkRequest(props: {
  title: string;
  intro: string;
  /** Shown under the field when it is left empty. */
  missing: string;
  submitLabel: string;
  send: (email: string) => Promise<{ message: string }>;
  /** The button beside the submit button (a link elsewhere). */
  secondary: ReactNode;
  footnote?: ReactNode;
}) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const ask = useAction(() => props.send(email.trim()));
  return (
    <PublicPage title={props.title} intro={props.intro}>
      {ask.result ? (
        <DoneNotice title="Check your e-mail" message={ask.result.message} next={{ to: '/app/sign-in', label: 'Back to sign in' }} />
      ) : (
        <FormCard
          onSubmit={() => {
            if (!email.trim()) return setError(props.missing);
            setError(undefined);
            void ask.run();
          }}
          actions={
            <>
              <Button type="submit" busy={ask.busy}>{props.submitLabel}</Button>
              {props.secondary}
            </>
          }
          footnote={props.footnote}
        >
          <ErrorAlert error={ask.error} />
          <TextField label="E-mail address" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={error} />
        </FormCard>
      )}
    </PublicPage>
  );
}
