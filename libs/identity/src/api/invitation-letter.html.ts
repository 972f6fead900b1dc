import type { InvitationLetter } from '../application/account-activation.service';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A printable invitation letter (one page, no scripts, no outside resources). */
export function renderInvitationLetter(l: InvitationLetter): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Invitation for ${esc(l.name)}</title>
<style>body{font:12pt/1.5 Georgia,serif;max-width:40em;margin:2em auto;color:#000}h1{font-size:16pt}.code{font:bold 18pt/1.2 monospace;letter-spacing:.1em;border:1px solid #000;padding:.4em .8em;display:inline-block}@media print{body{margin:0}}</style>
</head><body>
<p>${esc(l.name)}<br>Member number: <strong>${esc(l.memberNumber)}</strong></p>
<h1>Your account on the organization's platform</h1>
<p>An account has been opened for you. To choose your password, go to <strong>${esc(l.activateUrl)}</strong>, choose "I have a letter", and enter your member number and this code:</p>
<p class="code">${esc(l.code)}</p>
<p>The code works once, until ${esc(l.validUntil)}. Keep this letter to yourself: anyone with the code can set your password. If it has expired or does not work, ask your branch secretary for a new letter.</p>
<p>Once signed in, you will find the code of conduct, and how to raise something privately with the Control Commission — it goes straight to the elected commission, never to the leadership.</p>
</body></html>
`;
}
