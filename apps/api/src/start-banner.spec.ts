import { startBanner } from './start-banner';

describe('start banner', () => {
  const url = 'http://127.0.0.1:3000';
  const accounts = [
    { email: 'member@demo.commons.localhost', password: 'amber-birch-cobalt-123', role: 'member', memberId: 'm1', branchId: 'b1' },
    { email: 'commissioner@demo.commons.localhost', password: 'delta-ember-fjord-456', role: 'commissioner', memberId: 'm2', branchId: 'b2' },
  ];

  it('says the web interface is at / and to sign in there with a demo login', () => {
    const text = startBanner({ url, webInterface: true, demo: { created: true, file: 'data/demo-accounts.json', accounts } });
    expect(text).toContain('Web interface: http://127.0.0.1:3000/\n');
    expect(text).toContain('Sign in there with one of the demo logins above');
    expect(text).toMatch(/commissioner\s+commissioner@demo\.commons\.localhost\s+delta-ember-fjord-456/);
    expect(text).toContain('API docs:      http://127.0.0.1:3000/docs');
  });

  it('without a demo: sign in with e-mail and password, the first officers through the org:init link; no password is shown', () => {
    const text = startBanner({ url, webInterface: true, demo: null });
    expect(text).toContain('Web interface: http://127.0.0.1:3000/\n');
    expect(text).toContain('org:init');
    expect(text).not.toContain('demo');
  });

  it('says how to get the web interface when it is not built', () => {
    expect(startBanner({ url, webInterface: false, demo: null })).toContain('npm run build');
  });
});
