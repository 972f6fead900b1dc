import type { DemoAccount } from './seed/demo-contributor';

export interface StartBannerInput {
  /** Where the platform listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Whether the built web interface is served at `/`. */
  webInterface: boolean;
  /** The demo organization, when it was seeded or loaded. */
  demo: { created: boolean; file: string; accounts: readonly DemoAccount[] } | null;
}

/**
 * What `npm start` prints once the platform listens: where the web interface is, how to sign in
 * (a demo login, or — on a founded organization — the e-mail address and the password chosen
 * through the link org:init sent), and the API docs. Passwords appear only for demo logins.
 */
export function startBanner(x: StartBannerInput): string {
  const lines: string[] = [''];
  if (x.demo) {
    lines.push(`Demo organization ${x.demo.created ? 'created' : 'loaded'}. Demo logins (also in ${x.demo.file}):`);
    for (const a of x.demo.accounts) lines.push(`  ${a.role.padEnd(18)} ${a.email.padEnd(44)} ${a.password}`);
    lines.push('');
  }
  if (x.webInterface) {
    lines.push(`Web interface: ${x.url}/`);
    lines.push(
      x.demo
        ? `  Sign in there with one of the demo logins above (e-mail and password), e.g. ${x.demo.accounts[0]?.email ?? 'member@demo.commons.localhost'}.`
        : '  Sign in there with your e-mail address and password. First officers of a founded organization choose their password through the one-time link npm run org:init e-mailed them; anyone else uses "Forgot your password?" on the sign-in page.',
    );
  } else {
    lines.push(`Web interface: not built (run npm run build; it is then served at ${x.url}/). Sign in through the API: POST ${x.url}/auth/login {"email","password"}.`);
  }
  lines.push(`API:           ${x.url}`);
  lines.push(`API docs:      ${x.url}/docs  (OpenAPI JSON: ${x.url}/docs-json)`);
  lines.push('');
  return lines.join('\n');
}
