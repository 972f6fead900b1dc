/**
 * Getting in for the first time: activating the account a member got on admission or import
 * (the e-mailed link, or the code on a printed letter), asking for a new invitation, and
 * confirming a new e-mail address. The layout is the public pages' (`PublicForm.tsx`).
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useAction } from '../../ui/hooks';
import { Button, ErrorAlert, TextField } from '../../ui/kit';
import { DoneNotice, EmailLinkRequest, FormCard, PublicPage } from './PublicForm';

export function Activate({ token }: { token: string }) {
  const session = useSession();
  const [code, setCode] = useState('');
  const [memberNumber, setMemberNumber] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<{ code?: string; memberNumber?: string; password?: string; again?: string }>({});
  const activate = useAction(async () => {
    const issued = await api.post('/auth/activate', { body: token ? { token, password } : { code: code.trim(), memberNumber: memberNumber.trim(), password } });
    await session.adopt(issued);
    navigate('/app', { replace: true });
  });
  const submit = () => {
    const p = {
      code: token || code.trim() ? undefined : 'Enter the code printed on your letter.',
      memberNumber: token || memberNumber.trim() ? undefined : 'Enter the member number printed on your letter.',
      password: password.length >= 12 ? undefined : 'Choose a password of at least 12 characters.',
      again: password === again ? undefined : 'The two passwords are not the same.',
    };
    setProblems(p);
    if (Object.values(p).some(Boolean)) return;
    void activate.run();
  };
  return (
    <PublicPage
      title="Activate your account"
      intro={token ? 'Choose your password: at least 12 characters. A few unrelated words make a strong password you can remember.' : 'Type the code and the member number from the letter your branch secretary gave you, then choose your password (at least 12 characters).'}
    >
      <ErrorAlert error={activate.error} title="Your account is not activated" />
      {activate.error?.code === 'invitation_invalid' ? (
        <p>
          <Link to="/app/invitation">Ask for a new invitation</Link>
        </p>
      ) : null}
      <FormCard
        onSubmit={submit}
        actions={
          <>
            <Button type="submit" busy={activate.busy}>Activate and sign in</Button>
            {token ? null : <Link to="/app/sign-in" className="button button--ghost">Back to sign in</Link>}
          </>
        }
      >
        {token ? null : (
          <>
            <TextField label="Code from the letter" name="code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} error={problems.code} spellCheck={false} />
            <TextField label="Member number" name="memberNumber" value={memberNumber} onChange={(e) => setMemberNumber(e.target.value)} error={problems.memberNumber} spellCheck={false} />
          </>
        )}
        <TextField label="Password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={problems.password} />
        <TextField label="Password again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} error={problems.again} />
      </FormCard>
    </PublicPage>
  );
}

export function RequestInvitation() {
  return (
    <EmailLinkRequest
      title="Ask for a new invitation"
      intro="Your account was opened when you joined. If your invitation link has expired or you cannot find it, we will e-mail you a new one."
      missing="Enter the e-mail address your branch has for you."
      submitLabel="Send a new invitation"
      send={(email) => api.post('/auth/invitations/resend', { body: { email } })}
      secondary={<Link to="/activate" className="button button--ghost">I have a letter with a code</Link>}
      footnote={<p className="muted">No e-mail address? Your branch secretary can print you a letter with a one-time code.</p>}
    />
  );
}

export function ConfirmEmail({ token }: { token: string }) {
  const confirm = useAction(() => api.post('/auth/email-change/confirm', { body: { token } }));
  return (
    <PublicPage title="Confirm your new e-mail address">
      <ErrorAlert error={confirm.error} title="The address was not changed" />
      {confirm.result ? (
        <DoneNotice title="Confirmed" message={confirm.result.message} next={{ to: '/app/sign-in', label: 'Sign in' }} />
      ) : (
        <div className="card">
          <p>Confirm that you want to use this address for your account from now on.</p>
          <div className="form-actions">
            <Button busy={confirm.busy} disabled={!token} onClick={() => confirm.run()}>Confirm the new address</Button>
          </div>
        </div>
      )}
    </PublicPage>
  );
}
