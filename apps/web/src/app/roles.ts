/**
 * What the signed-in person may do, from their current mandates (GET /me). All authority comes
 * from mandates: the interface offers an area only to holders of the mandate its routes require,
 * and the discipline areas (commission, appeals) exist only for CCOM and APPEALS members — an EC
 * or CC member's interface has no menu item and no route for them.
 */
import type { components } from '../api/schema.gen';
import { today as organizationToday } from '../ui/format';

export type Me = components['schemas']['MeResponse'];
export type Mandate = components['schemas']['MandateResponse'];

export interface Roles {
  /** Has a member record (any status). */
  member: boolean;
  /** Active, lapsed or suspended: a current member. */
  current: boolean;
  /** The branch whose meetings the member may ask to speak at (active members only), or null. */
  meetingsBranch: string | null;
  /** Branch ids where the person is secretary (national membership secretary: all → "*"). */
  secretaryOf: string[];
  treasurerOf: string[];
  commissioner: boolean;
  appeals: boolean;
  returningOfficer: boolean;
  ec: boolean;
  cc: boolean;
  nationalMembership: boolean;
  nationalTreasurer: boolean;
}

const current = (m: Mandate, today: string) => m.startsOn <= today && (!m.endsOn || m.endsOn >= today);

export function rolesOf(me: Me, today = organizationToday()): Roles {
  const ms = me.mandates.filter((m) => current(m, today));
  const has = (kind: string, role?: string) => ms.some((m) => m.bodyKind === kind && (!role || m.role === role));
  const nationalMembership = has('NATIONAL_OFFICE', 'membership-secretary');
  const nationalTreasurer = has('NATIONAL_OFFICE', 'treasurer');
  return {
    member: !!me.memberId,
    current: ['active', 'lapsed', 'suspended'].includes(me.memberStatus ?? ''),
    meetingsBranch: me.memberStatus === 'active' ? me.branchId ?? null : null,
    secretaryOf: [...ms.filter((m) => m.bodyKind === 'BRANCH_COMMITTEE' && m.role === 'secretary' && m.branchId).map((m) => m.branchId!), ...(nationalMembership ? ['*'] : [])],
    treasurerOf: [...ms.filter((m) => m.bodyKind === 'BRANCH_COMMITTEE' && m.role === 'treasurer' && m.branchId).map((m) => m.branchId!), ...(nationalTreasurer || nationalMembership ? ['*'] : [])],
    commissioner: has('CCOM'),
    appeals: has('APPEALS'),
    returningOfficer: has('ELECTIONS'),
    ec: has('EC'),
    cc: has('CC'),
    nationalMembership,
    nationalTreasurer,
  };
}

export type Area = 'member' | 'branch' | 'treasury' | 'commission' | 'appeals' | 'elections-admin' | 'overview';
export interface MenuItem {
  to: string;
  label: string;
}
export interface MenuGroup {
  area: Area;
  title: string;
  items: MenuItem[];
}

export function menuFor(r: Roles): MenuGroup[] {
  const groups: MenuGroup[] = [];
  const mine: MenuItem[] = [{ to: '/app', label: 'Home' }];
  if (r.member) mine.push({ to: '/app/record', label: 'My record and subs' });
  mine.push({ to: '/app/notifications', label: 'Notifications' });
  if (r.member) mine.push({ to: '/app/notices', label: 'Notices and reports' });
  if (r.current) mine.push({ to: '/app/elections', label: 'Elections' });
  if (r.meetingsBranch) mine.push({ to: '/app/meetings', label: 'Branch meetings' });
  if (r.current) mine.push({ to: '/app/caucuses', label: 'Caucuses' });
  if (r.member) mine.push({ to: '/app/congress', label: 'Congress' });
  groups.push({ area: 'member', title: 'Me', items: mine });
  if (r.secretaryOf.length)
    groups.push({
      area: 'branch',
      title: 'Branch secretary',
      items: [
        { to: '/app/branch', label: 'Members' },
        { to: '/app/branch/admissions', label: 'Admissions' },
        { to: '/app/branch/transfers', label: 'Transfers' },
        { to: '/app/branch/import', label: 'Import' },
        { to: '/app/branch/roll', label: 'Roll' },
        { to: '/app/branch/meetings', label: 'Meetings' },
        { to: '/app/branch/code-of-conduct', label: 'Code of conduct' },
      ],
    });
  if (r.treasurerOf.length)
    groups.push({
      area: 'treasury',
      title: 'Treasurer',
      items: [
        { to: '/app/treasury', label: 'Payments and standing' },
        { to: '/app/treasury/bank', label: 'Bank file' },
      ],
    });
  if (r.commissioner) groups.push({ area: 'commission', title: 'Control Commission', items: [{ to: '/app/commission', label: 'My cases' }] });
  if (r.appeals) groups.push({ area: 'appeals', title: 'Appeals Committee', items: [{ to: '/app/appeals', label: 'Appeals' }] });
  if (r.returningOfficer) groups.push({ area: 'elections-admin', title: 'Elections Committee', items: [{ to: '/app/run-elections', label: 'Run elections' }] });
  if (r.ec || r.cc) groups.push({ area: 'overview', title: r.ec ? 'Executive Committee' : 'Central Committee', items: [{ to: '/app/overview', label: 'Membership overview' }] });
  return groups;
}
