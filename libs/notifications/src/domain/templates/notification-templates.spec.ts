import fc from 'fast-check';
import { organizationNameFrom, renderNotification } from './notification-templates';

const ctx = { publicUrl: 'https://members.party.example', organizationName: 'The Party' };

describe('templates', () => {
  it('escape everything that comes from data in HTML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ minLength: 1, maxLength: 200 }), (title, text) => {
        fc.pre(title.length > 0);
        const r = renderNotification('announcement', { title, text }, ctx);
        expect(r.html).not.toMatch(/<script/i);
        expect(r.html).not.toContain(`<${'img'} src=x`);
        expect(r.text).toContain(text);
      }),
    );
    const r = renderNotification('announcement', { title: '<script>alert(1)</script>', text: '<img src=x onerror=alert(1)> & "quotes"' }, ctx);
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
  });

  it('a case update is the same words for every case: there is no input to vary it', () => {
    const r = renderNotification('case-update', {}, ctx);
    expect(r.body).toBe('There is something new in your case. Sign in to read it.');
    expect(r.link).toBe('https://members.party.example/me/cases');
    expect(r.subject).toBe('There is something new in your case — The Party');
    // Even if content were smuggled past validation into stored data, the template ignores it.
    const smuggled = renderNotification('case-update', { narrative: 'what happened', caseId: 'CCOM-2026-7' } as never, ctx);
    expect(smuggled).toEqual(r);
  });

  it('an address already a member\'s is told how to sign in and reset the password, with no secret and no name', () => {
    const r = renderNotification('membership-exists', {}, ctx);
    expect(r.title).toBe('This address already has a membership');
    expect(r.body).toContain('https://members.party.example/app/reset');
    expect(r.body).toMatch(/Forgot your password\?/);
    expect(r.link).toBe('https://members.party.example/app');
    expect(r.text).not.toMatch(/token|confirm-application/);
  });

  it('an outcome notice states the facts and never a complainant', () => {
    const r = renderNotification(
      'outcome-notice',
      {
        respondentName: 'Sam Example',
        rule: 'Code of conduct 2.1',
        upheld: true,
        sanction: { kind: 'suspension', suspendedUntil: '2027-05-01' },
        panelSanction: null,
        decidedOn: '2026-10-01',
        finalOn: '2026-11-01',
        panelVote: { uphold: 2, notUphold: 1 },
        appealOutcome: null,
      },
      ctx,
    );
    expect(r.text).toContain('Member concerned: Sam Example');
    expect(r.text).toContain('Sanction: suspension until 1 May 2027');
    expect(r.text).toContain('Panel vote: 2 to uphold, 1 not to uphold');
    expect(r.text).toContain('never names the person who complained');
  });

  it('a password reset carries its link in the email (and nowhere else in the rendered parts)', () => {
    const r = renderNotification('password-reset', { resetUrl: 'https://x.example/reset-password?token=SECRET' }, ctx);
    expect(r.text).toContain('Choose a new password: https://x.example/reset-password?token=SECRET');
    expect(r.body).not.toContain('SECRET');
    expect(r.title).not.toContain('SECRET');
  });

  it('takes the organization name from MAIL_FROM', () => {
    expect(organizationNameFrom('"The Party" <no-reply@party.example>')).toBe('The Party');
    expect(organizationNameFrom('Commons <no-reply@commons.localhost>')).toBe('Commons');
    expect(organizationNameFrom('no-reply@party.example')).toBe('Commons');
  });
  it('a published result carries the stage-by-stage table as it is: in the text, and in the HTML as preformatted, escaped text', () => {
    const stages = ['Candidate  Stage 1  Stage 2', '---------  -------  -------', 'Ann <A>         9        9  elected at stage 1', 'Bob             6        7', '', 'Stage 1: first preferences.'].join('\n');
    const r = renderNotification('election-notice', { electionId: '00000000-0000-4000-8000-000000000001', electionTitle: 'Central Committee', stage: 'result', summary: 'Elected: Ann.', stages }, ctx);
    expect(r.text).toContain(stages);
    expect(r.body).toContain(stages);
    expect(r.html).toContain('<pre style=');
    expect(r.html).toContain(stages.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    // Without one (acclamation, motions, earlier stages), no table.
    const plain = renderNotification('election-notice', { electionId: '00000000-0000-4000-8000-000000000001', electionTitle: 'Central Committee', stage: 'result', summary: 'Elected unopposed: Ann.' }, ctx);
    expect(plain.html).not.toContain('<pre');
    expect(plain.text).not.toContain('stage by stage');
  });
});
