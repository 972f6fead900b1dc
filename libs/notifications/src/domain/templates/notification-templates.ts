import type {
  BallotData,
  ElectionNoticeData,
  NoticeSanctionData,
  NotificationDataByType,
  NotificationType,
  OutcomeNoticeData,
} from '../notification-types';
import { htmlLayout, paragraphsToHtml, preformattedHtml } from './html';
import { organizationDates, type OrganizationDates, type OrganizationLocale } from './organization-dates';

export interface TemplateContext {
  /** The platform's public base URL, without a trailing slash. */
  publicUrl: string;
  /** The organization's name as members know it (from MAIL_FROM's display name). */
  organizationName: string;
  /** Its time zone and language, for every date in a message (default UTC, en-GB). */
  locale?: OrganizationLocale;
}

/** One notification, rendered for email and for the member's feed. */
export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
  /** Feed: a short title and the plain-text body. */
  title: string;
  body: string;
  link: string | null;
}

interface Parts {
  title: string;
  body: string;
  link: { path: string; label: string } | null;
  /** Text laid out in fixed-width columns (a table), after the body: kept as it is in every form. */
  preformatted?: string;
}

const sanctionText = (s: NoticeSanctionData, dates: OrganizationDates): string => {
  switch (s.kind) {
    case 'no_finding':
      return 'no sanction';
    case 'warning':
      return 'a formal warning';
    case 'conditions':
      return 'conditions on membership';
    case 'suspension':
      return s.suspendedUntil ? `suspension until ${dates.day(s.suspendedUntil)}` : 'suspension';
    case 'expulsion':
      return 'expulsion';
  }
};

function outcomeNotice(d: OutcomeNoticeData, dates: OrganizationDates): Parts {
  const lines = [
    'A finding of the Control Commission in a disciplinary case is final. The statutes require that every member in good standing is told.',
    [
      d.respondentName ? `Member concerned: ${d.respondentName}` : 'Member concerned: not named (the statutes do not name the member for this outcome).',
      `Rule considered: ${d.rule}`,
      `Finding: ${d.upheld ? 'the complaint was upheld' : 'the complaint was not upheld'}`,
      `Sanction: ${sanctionText(d.sanction, dates)}`,
      `Panel vote: ${d.panelVote.uphold} to uphold, ${d.panelVote.notUphold} not to uphold`,
      `Decided on: ${dates.day(d.decidedOn)}; final on: ${dates.day(d.finalOn)}`,
      d.appealOutcome === 'uphold'
        ? 'Appeal: the Appeals Committee upheld the finding.'
        : d.appealOutcome === 'modify_sanction'
          ? `Appeal: the Appeals Committee modified the sanction${d.panelSanction ? ` (the panel had decided ${sanctionText(d.panelSanction, dates)})` : ''}.`
          : 'Appeal: none.',
    ].join('\n'),
    'This notice never names the person who complained and never describes what was reported.',
  ];
  return { title: 'Outcome of a disciplinary case', body: lines.join('\n\n'), link: { path: '/me/notifications', label: 'Read it on the platform' } };
}

const STAGE_TITLES: Record<ElectionNoticeData['stage'], string> = {
  called: 'An election has been called',
  'nominations-open': 'Nominations are open',
  'voting-open': 'Voting is open',
  result: 'Election result',
};

function electionNotice(d: ElectionNoticeData, dates: OrganizationDates): Parts {
  const body = [`${STAGE_TITLES[d.stage]}: ${d.electionTitle}.`, ...(d.summary ? [d.summary] : []), ...(d.votingClosesAt ? [`Voting closes ${dates.moment(d.votingClosesAt)}.`] : [])].join('\n\n');
  return {
    title: `${STAGE_TITLES[d.stage]}: ${d.electionTitle}`,
    body: d.stages ? `${body}\n\nThe count, stage by stage:` : body,
    link: { path: `/elections/${d.electionId}`, label: 'See the election' },
    ...(d.stages ? { preformatted: d.stages } : {}),
  };
}

function ballot(d: BallotData, dates: OrganizationDates): Parts {
  return {
    title: `Your ballot: ${d.electionTitle}`,
    body: `Your ballot for "${d.electionTitle}" is ready. Voting closes ${dates.moment(d.votingClosesAt)}.\n\nYour vote is secret: who voted is recorded apart from what was voted, and you will get a receipt.`,
    link: { path: `/elections/${d.electionId}/ballot`, label: 'Vote' },
  };
}

function ballotReminder(d: BallotData, dates: OrganizationDates): Parts {
  return {
    title: `Reminder: you have not voted yet — ${d.electionTitle}`,
    body: `You have not yet voted in "${d.electionTitle}". Voting closes ${dates.moment(d.votingClosesAt)}.\n\nThis is the only reminder you will get. It is sent by the platform to each member who has not voted; nobody running the election learns who received one, and your vote stays secret.`,
    link: { path: `/elections/${d.electionId}/ballot`, label: 'Vote' },
  };
}

function welcome(d: NotificationDataByType['welcome'], ctx: TemplateContext): Parts {
  const code = d.codeOfConduct ?? null;
  const commissioners = d.commissioners ?? [];
  const parts = [
    `Welcome, ${d.firstName}.`,
    code
      ? `Our code of conduct (${code.title}, version ${code.version}) is below${d.codeOfConductText ? '' : ' and on the platform'}. Please read it and acknowledge it on the platform, on your home page.`
      : 'Our code of conduct will be published on the platform; you will be asked to read and acknowledge it there.',
    ...(code && d.codeOfConductText ? [`— ${code.title} —\n\n${d.codeOfConductText}`] : []),
    'If you experience or witness harassment, abuse or any breach of the code, you can raise it privately with the Control Commission at any time: on the platform, under "Raise a concern privately". It goes straight to the elected commission — never to the leadership or your branch — and you choose how it is handled.',
    commissioners.length > 0 ? `The Control Commission today: ${commissioners.join(', ')}.` : 'The Control Commission is elected by congress; its members are listed on the platform.',
  ];
  return { title: `Welcome to ${ctx.organizationName}`, body: parts.join('\n\n'), link: { path: '/code-of-conduct', label: 'How to raise a concern' } };
}

const RENDER: { [T in NotificationType]: (d: NotificationDataByType[T], ctx: TemplateContext, dates: OrganizationDates) => Parts } = {
  'outcome-notice': (d, _ctx, dates) => outcomeNotice(d, dates),
  'election-notice': (d, _ctx, dates) => electionNotice(d, dates),
  ballot: (d, _ctx, dates) => ballot(d, dates),
  'ballot-reminder': (d, _ctx, dates) => ballotReminder(d, dates),
  'subs-reminder': (d, _ctx, dates) => ({
    title: 'Your subs',
    body:
      d.arrearsMonths === 0
        ? `Your subs are paid${d.paidThrough ? ` through ${dates.day(d.paidThrough)}` : ''}. Thank you.`
        : `Our records show ${d.arrearsMonths} month${d.arrearsMonths === 1 ? '' : 's'} of subs unpaid${d.paidThrough ? ` (paid through ${dates.day(d.paidThrough)})` : ''}. If this is wrong, or if you need a lower rate or a waiver, talk to your branch treasurer.`,
    link: { path: '/me/subs', label: 'See your subs' },
  }),
  announcement: (d) => ({ title: d.title, body: d.text, link: { path: '/me/notifications', label: 'Open the platform' } }),
  welcome: (d, ctx) => welcome(d, ctx),
  invitation: (d, ctx) => ({
    title: `Your account with ${ctx.organizationName}`,
    body: [
      `Hello ${d.firstName},`,
      `An account on ${ctx.organizationName}'s platform has been opened for you. Choose your password with the link below: it works once, for ${d.validDays} days. If it has expired, ask for a new invitation on the sign-in page.`,
      'If you did not expect this, ignore this email.',
    ].join('\n\n'),
    link: null,
  }),
  'email-change': (d) =>
    d.confirmUrl
      ? {
          title: 'Confirm your new email address',
          body: `Someone (we hope you) asked to use ${d.newEmail} for their account. Confirm it with the link below: it works once, for 48 hours. If you did not ask for this, ignore this email.`,
          link: null,
        }
      : {
          title: 'Your email address is being changed',
          body: `Someone signed in to your account asked to use ${d.newEmail} instead of this address. Nothing changes until the new address is confirmed. If this was not you, reset your password now and tell your branch secretary.`,
          link: null,
        },
  'confirmation-code': (d) => ({
    title: 'Your confirmation code',
    body: `Your confirmation code is ${d.code}. It works for ${d.validMinutes} minutes.\n\nIf you did not ask for a code, ignore this email.`,
    link: null,
  }),
  'password-reset': () => ({
    title: 'Reset your password',
    body: 'Someone (we hope you) asked to reset the password of your account. The link below works once, for one hour. If you did not ask for this, ignore this email: your password stays as it is.',
    link: null,
  }),
  'application-confirmation': (d, ctx) => ({
    title: 'Confirm your membership application',
    body: `Someone (we hope you) applied to join ${ctx.organizationName} with this e-mail address. Open the link below to confirm that the address is yours: only then does the branch secretary receive your application. The link works once, for ${d.validHours} hours; after that the application is discarded and you can apply again. If you did not apply, ignore this email.`,
    link: null,
  }),
  'membership-exists': (_d, ctx) => ({
    title: 'This address already has a membership',
    body: `Someone (we hope you) applied to join ${ctx.organizationName} with this e-mail address, but it already belongs to a membership or an application. No new application was made. To see your membership, sign in with this address at ${ctx.publicUrl}/app. If you do not know your password, choose "Forgot your password?" on the sign-in page (${ctx.publicUrl}/app/reset) and we will e-mail you a link to choose a new one. If you did not apply, ignore this email.`,
    link: { path: '/app', label: 'Sign in' },
  }),
  // Discipline safety: the same words for every case update, whatever happened. No data exists.
  'case-update': () => ({
    title: 'There is something new in your case',
    body: 'There is something new in your case. Sign in to read it.',
    link: { path: '/me/cases', label: 'Sign in to read it' },
  }),
};

/** Renders a notification from its type and data (the data was validated when it was written). */
export function renderNotification<T extends NotificationType>(type: T, data: NotificationDataByType[T], ctx: TemplateContext): RenderedNotification {
  const parts = (RENDER[type] as (d: NotificationDataByType[T], c: TemplateContext, dates: OrganizationDates) => Parts)(data, ctx, organizationDates(ctx.locale));
  let link = parts.link ? `${ctx.publicUrl}${parts.link.path}` : null;
  let linkLabel = parts.link?.label ?? '';
  if (type === 'password-reset') {
    link = (data as NotificationDataByType['password-reset']).resetUrl;
    linkLabel = 'Choose a new password';
  }
  if (type === 'invitation') {
    link = (data as NotificationDataByType['invitation']).activationUrl ?? null;
    linkLabel = 'Activate your account';
  }
  if (type === 'email-change' && (data as NotificationDataByType['email-change']).confirmUrl) {
    link = (data as NotificationDataByType['email-change']).confirmUrl;
    linkLabel = 'Confirm this address';
  }
  if (type === 'application-confirmation') {
    link = (data as NotificationDataByType['application-confirmation']).confirmUrl;
    linkLabel = 'Confirm your application';
  }
  const footer =
    type === 'case-update'
      ? `${ctx.organizationName}. This message says only that something changed; what changed is visible only after signing in.`
      : `${ctx.organizationName}. You can choose which emails you receive on the platform; notices the statutes require always reach you.`;
  const body = parts.preformatted ? `${parts.body}\n\n${parts.preformatted}` : parts.body;
  const text = [body, ...(link ? [`${linkLabel}: ${link}`] : []), '--', footer].join('\n\n');
  const bodyHtml = paragraphsToHtml(parts.body) + (parts.preformatted ? `\n${preformattedHtml(parts.preformatted)}` : '');
  const html = htmlLayout({ title: parts.title, bodyHtml, link: link ? { href: link, label: linkLabel } : null, footer });
  return { subject: `${parts.title} — ${ctx.organizationName}`.slice(0, 250), text, html, title: parts.title, body, link };
}

/** The organization name from a `Name <address>` sender; the address's domain otherwise. */
export function organizationNameFrom(mailFrom: string): string {
  const named = /^\s*"?([^"<]+?)"?\s*</.exec(mailFrom);
  if (named) return named[1].trim();
  return 'Commons';
}
