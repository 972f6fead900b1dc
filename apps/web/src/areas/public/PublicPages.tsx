/**
 * Sign-in, password reset, application confirmation and how to reach the Control Commission:
 * the pages in front of the sign-in. The layout is shared with the account pages (`PublicForm.tsx`).
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Button, ErrorAlert, PageHeader, TextField } from '../../ui/kit';
import { DoneNotice, EmailLinkRequest, FormCard, PublicPage } from './PublicForm';

export function SignIn({ next }: { next: string }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const login = useAction(async () => {
    await session.signIn(email.trim(), password);
    navigate(next, { replace: true });
  });
  const submit = () => {
    const m = { email: email.trim() ? undefined : 'Enter your e-mail address.', password: password ? undefined : 'Enter your password.' };
    setMissing(m);
    if (m.email || m.password) return;
    void login.run();
  };
  return (
    <PublicPage title="Sign in" intro="Members, officers and commissioners all sign in here. What you can see depends on your mandates.">
      {session.notice ? <Alert kind="info" live>{session.notice}</Alert> : null}
      <ErrorAlert error={login.error} title="You are not signed in" />
      <FormCard
        onSubmit={submit}
        actions={
          <>
            <Button type="submit" busy={login.busy}>Sign in</Button>
            <Link to="/app/reset" className="button button--ghost">Forgot your password?</Link>
          </>
        }
        footnote={
          <p className="muted">
            New member, never signed in? <Link to="/app/invitation">Ask for a new invitation</Link> or <Link to="/activate">activate with the code from your letter</Link>.
          </p>
        }
      >
        <TextField label="E-mail address" type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={missing.email} required />
        <TextField label="Password" type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={missing.password} required />
      </FormCard>
    </PublicPage>
  );
}

export function ResetRequest() {
  return (
    <EmailLinkRequest
      title="Reset your password"
      intro="We will e-mail you a link that works once, for one hour."
      missing="Enter the e-mail address of your account."
      submitLabel="Send the link"
      send={(email) => api.post('/auth/password-reset', { body: { email } })}
      secondary={<Link to="/app/sign-in" className="button button--ghost">Back to sign in</Link>}
    />
  );
}

export function ResetConfirm({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const confirm = useAction(() => api.post('/auth/password-reset/confirm', { body: { token, newPassword: password } }));
  if (!token)
    return (
      <>
        <PageHeader title="Choose a new password" />
        <Alert kind="error" title="This link is incomplete">
          <p>Open the link from the e-mail again, or <Link to="/app/reset">ask for a new one</Link>.</p>
        </Alert>
      </>
    );
  return (
    <PublicPage title="Choose a new password" intro="At least 12 characters. A few unrelated words make a strong password you can remember.">
      {confirm.result ? (
        <DoneNotice title="Your password has been changed" message={confirm.result.message} next={{ to: '/app/sign-in', label: 'Sign in' }} />
      ) : (
        <FormCard
          onSubmit={() => {
            if (password !== again) return setError('The two passwords are not the same.');
            setError(undefined);
            void confirm.run();
          }}
          actions={<Button type="submit" busy={confirm.busy}>Set the new password</Button>}
        >
          <ErrorAlert error={confirm.error} />
          <TextField label="New password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <TextField label="New password again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} error={error} />
          {confirm.error?.code === 'reset_link_invalid' ? <p><Link to="/app/reset">Ask for a new link</Link></p> : null}
        </FormCard>
      )}
    </PublicPage>
  );
}

/**
 * Where the link in the application e-mail lands. Confirming is a button, not the page load, so a
 * mail scanner that opens links does not confirm an application on the applicant's behalf.
 */
export function ConfirmApplication({ token }: { token: string }) {
  const confirm = useAction(() => api.post('/applications/confirm', { body: { token } }));
  return (
    <PublicPage width="34rem" title="Confirm your membership application" intro="Your application reaches the branch secretary once you confirm that this e-mail address is yours.">
      {!token ? (
        <Alert kind="error" title="This link is incomplete">
          <p>Open the link from the e-mail again.</p>
        </Alert>
      ) : confirm.result ? (
        <Alert kind="success" title="Your application has been sent to the branch" live>
          <p>Thank you. The branch secretary will look at your application (number {confirm.result.memberNumber}) and let you know.</p>
        </Alert>
      ) : (
        <div className="card">
          <ErrorAlert error={confirm.error} />
          <div className="form-actions">
            <Button busy={confirm.busy} onClick={() => void confirm.run()}>Confirm my application</Button>
          </div>
        </div>
      )}
    </PublicPage>
  );
}

/** Where the welcome e-mail's "code of conduct" link lands: how to reach the Control Commission (S14). */
export function HowToReport() {
  const info = useLoad((signal) => api.get('/complaints/how-to-report', { signal }), []);
  const d = info.data;
  return (
    <div style={{ maxWidth: '46rem' }}>
      <PageHeader title={d?.title ?? 'How to raise a concern'} />
      <ErrorAlert error={info.error} />
      {d?.text.map((t, i) => <p key={i}>{t}</p>)}
      {d ? <p>{d.members}</p> : null}
      <p>
        <Link className="button" to="/app/s">Raise something privately</Link>
      </p>
    </div>
  );
}
