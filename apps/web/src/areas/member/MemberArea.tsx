import { matchPath } from '../../app/router';
import { MyRecord } from './Record';
import { Notifications } from './Notifications';
import { Notices } from './Notices';
import { Elections, ElectionPage, ReceiptCheck } from './Elections';

/** The member's own screens (one lazily loaded chunk). */
export default function MemberArea({ path }: { path: string }) {
  if (path === '/app/record') return <MyRecord />;
  if (path === '/app/notifications') return <Notifications />;
  if (path === '/app/notices') return <Notices />;
  if (path === '/app/elections') return <Elections />;
  if (path === '/app/receipts') return <ReceiptCheck />;
  const e = matchPath('/app/elections/:id', path);
  if (e) return <ElectionPage id={e.id} />;
  return <Notifications />;
}
