import { matchPath } from '../../app/router';
import { MyRecord } from './Record';
import { Notifications } from './Notifications';
import { Notices } from './Notices';
import { Elections, ElectionPage, ReceiptCheck } from './Elections';
import { BranchMeetings, BranchMeetingPage } from './Meetings';

/** The member's own screens (one lazily loaded chunk). */
export default function MemberArea({ path }: { path: string }) {
  if (path === '/app/record') return <MyRecord />;
  if (path === '/app/notifications') return <Notifications />;
  if (path === '/app/notices') return <Notices />;
  if (path === '/app/elections') return <Elections />;
  if (path === '/app/receipts') return <ReceiptCheck />;
  if (path === '/app/meetings') return <BranchMeetings />;
  const g = matchPath('/app/meetings/:id', path);
  if (g) return <BranchMeetingPage id={g.id} />;
  const e = matchPath('/app/elections/:id', path);
  if (e) return <ElectionPage id={e.id} />;
  return <Notifications />;
}
