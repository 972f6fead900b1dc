import { lazy, Suspense, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { Home } from '../areas/member/Home';
import { Activate, ConfirmEmail, RequestInvitation } from '../areas/public/AccountPages';
import { ConfirmApplication, HowToReport, ResetConfirm, ResetRequest, SignIn } from '../areas/public/PublicPages';
import { loadOrganization, organizationLoaded } from '../ui/format';
import { Button, EmptyState, Loading, PageHeader } from '../ui/kit';
import { menuFor, type Roles } from './roles';
import { Link, emailLinkTarget, navigate, useLocation } from './router';
import { SessionProvider, useSession } from './session';

// One chunk per role area: a member downloads only the member screens.
const MemberArea = lazy(() => import('../areas/member/MemberArea'));
const PrivateArea = lazy(() => import('../areas/member/private/PrivateArea'));
const BranchArea = lazy(() => import('../areas/branch/BranchArea'));
const TreasuryArea = lazy(() => import('../areas/treasury/TreasuryArea'));
const CommissionArea = lazy(() => import('../areas/commission/CommissionArea'));
const AppealsArea = lazy(() => import('../areas/appeals/AppealsArea'));
const ElectionsAdminArea = lazy(() => import('../areas/elections/ElectionsAdminArea'));
const CongressArea = lazy(() => import('../areas/congress/CongressArea'));
const OverviewArea = lazy(() => import('../areas/overview/OverviewArea'));
const CaucusesArea = lazy(() => import('../areas/caucuses/CaucusesArea'));

export function App() {
  return (
    <SessionProvider>
      <OrganizationSettings>
        <Routes />
      </OrganizationSettings>
    </SessionProvider>
  );
}

/** Draws the screens once the organization's time zone and language are in (every date uses them). */
function OrganizationSettings({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(organizationLoaded());
  useEffect(() => {
    if (!ready) void loadOrganization().then(() => setReady(true));
  }, [ready]);
  return ready ? <>{children}</> : null;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * The route table. A role area's routes exist only for holders of its mandate: for anyone else
 * the path is an unknown page, exactly like a mistyped one.
 */
function pick(path: string, roles: Roles): { node: ReactNode; layout: 'main' | 'private' } | null {
  if (path === '/app') return { node: <Home />, layout: 'main' };
  if (under(path, '/app/meetings') && roles.meetingsBranch) return { node: <MemberArea path={path} />, layout: 'main' };
  if (['/app/record', '/app/notifications', '/app/notices', '/app/elections', '/app/receipts'].some((p) => under(path, p))) return { node: <MemberArea path={path} />, layout: 'main' };
  if (under(path, '/app/caucuses')) return { node: <CaucusesArea path={path} />, layout: 'main' };
  if (under(path, '/app/congress') && roles.member) return { node: <CongressArea path={path} />, layout: 'main' };
  if (under(path, '/app/s')) return { node: <PrivateArea path={path} />, layout: 'private' };
  if (under(path, '/app/branch') && roles.secretaryOf.length) return { node: <BranchArea path={path} />, layout: 'main' };
  if (under(path, '/app/treasury') && roles.treasurerOf.length) return { node: <TreasuryArea path={path} />, layout: 'main' };
  if (under(path, '/app/commission') && roles.commissioner) return { node: <CommissionArea path={path} />, layout: 'main' };
  if (under(path, '/app/appeals') && roles.appeals) return { node: <AppealsArea path={path} />, layout: 'main' };
  if (under(path, '/app/run-elections') && roles.returningOfficer) return { node: <ElectionsAdminArea path={path} />, layout: 'main' };
  if (under(path, '/app/overview') && (roles.ec || roles.cc)) return { node: <OverviewArea path={path} />, layout: 'main' };
  return null;
}

function Routes() {
  const session = useSession();
  const { path, search } = useLocation();

  if (path === '/reset-password' || path === '/app/reset/confirm') return <PublicLayout><ResetConfirm token={search.get('token') ?? ''} /></PublicLayout>;
  if (path === '/confirm-application') return <PublicLayout><ConfirmApplication token={search.get('token') ?? ''} /></PublicLayout>;
  if (path === '/code-of-conduct') return <PublicLayout><HowToReport /></PublicLayout>;
  if (path === '/activate') return <PublicLayout><Activate token={search.get('token') ?? ''} /></PublicLayout>;
  if (path === '/confirm-email') return <PublicLayout><ConfirmEmail token={search.get('token') ?? ''} /></PublicLayout>;
  if (path === '/app/invitation') return <PublicLayout><RequestInvitation /></PublicLayout>;
  const alias = emailLinkTarget(path);
  if (alias) return <Redirect to={alias} />;
  if (path === '/app/reset') return <PublicLayout><ResetRequest /></PublicLayout>;
  if (session.starting) return <PublicLayout><Loading /></PublicLayout>;
  if (!session.me || !session.roles) {
    return (
      <PublicLayout>
        <SignIn next={path.startsWith('/app') && path !== '/app/sign-in' ? path : '/app'} />
      </PublicLayout>
    );
  }
  if (path === '/' || path === '/app/sign-in') {
    return <Redirect to={search.get('next') ?? '/app'} />;
  }
  const hit = pick(path, session.roles);
  const content = hit ? <Suspense fallback={<Loading />}>{hit.node}</Suspense> : <NotFound />;
  return hit?.layout === 'private' ? <PrivateLayout>{content}</PrivateLayout> : <MainLayout path={path} roles={session.roles}>{content}</MainLayout>;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is nothing at this address" action={<Link className="button" to="/app">Go to your home page</Link>}>
        <p>The link may be mistyped, or the page may have moved.</p>
      </EmptyState>
    </>
  );
}

function SkipLink() {
  return (
    <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
      Skip to main content
    </a>
  );
}

function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <a className="brand" href="/app">Commons</a>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}

function MainLayout({ path, roles, children }: { path: string; roles: Roles; children: ReactNode }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [path]);
  const groups = menuFor(roles);
  const isCurrent = (to: string) => (to === '/app' ? path === '/app' : under(path, to) && !groups.some((g) => g.items.some((i) => i.to !== to && i.to.startsWith(to) && under(path, i.to))));
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="brand" to="/app">Commons</Link>
          <Button variant="ghost" small className="menu-toggle" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen(!open)}>
            Menu
          </Button>
          <Button variant="ghost" small onClick={() => session.signOut()}>
            Sign out
          </Button>
        </div>
      </header>
      <nav id="site-nav" className="nav" aria-label="Main" data-open={open}>
        <div className="nav__inner">
          {groups.map((g) => (
            <div className="nav__group" key={g.area}>
              <p className="nav__group-title" id={`nav-${g.area}`}>{g.title}</p>
              <ul aria-labelledby={`nav-${g.area}`}>
                {g.items.map((i) => (
                  <li key={i.to}>
                    <Link to={i.to} aria-current={isCurrent(i.to) ? 'page' : undefined}>{i.label}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </nav>
      <main id="main" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>
            Something wrong with how a member has treated you or others? <Link to="/app/s">Raise it privately with the Control Commission</Link> — it goes
            straight to the elected commission, never to the executive or your branch.
          </p>
        </div>
      </footer>
    </>
  );
}

/** Private pages: no menu, a neutral title, and a visible way to leave at once. */
function PrivateLayout({ children }: { children: ReactNode }) {
  useLayoutEffect(() => {
    document.title = 'Commons';
  });
  return (
    <>
      <SkipLink />
      <div className="quick-exit-bar" role="banner">
        <div className="quick-exit-bar__inner">
          <Link to="/app" className="brand" style={{ color: 'var(--ink)' }}>Commons</Link>
          <QuickExit />
        </div>
      </div>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}

export const NEUTRAL_SITE = 'https://www.wikipedia.org/';
export const DRAFT_KEYS = ['commons.s.draft'];

/** Replaces this page with a neutral site (no back-button return) and forgets the draft. Esc twice does the same. */
export function leaveQuickly(): void {
  for (const k of DRAFT_KEYS) sessionStorage.removeItem(k);
  document.title = 'Commons';
  document.body.innerHTML = '';
  window.location.replace(NEUTRAL_SITE);
}

function QuickExit() {
  useEffect(() => {
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const now = Date.now();
      if (now - last < 800) leaveQuickly();
      last = now;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Button variant="exit" onClick={leaveQuickly} aria-describedby="quick-exit-hint">
      Leave this page quickly
      <span id="quick-exit-hint" className="visually-hidden">Opens another website and clears what you typed. You can also press Escape twice.</span>
    </Button>
  );
}
