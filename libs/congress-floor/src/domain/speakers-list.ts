import type { AlternationRule } from './standing-orders';

export const SPEAKING_LISTS = ['open', 'reserved'] as const;
export type SpeakingList = (typeof SPEAKING_LISTS)[number];

export interface WaitingSpeaker {
  id: string;
  memberId: string;
  /** Under `alternate-lists`: the list the member asked on. */
  list: SpeakingList;
  pointOfOrder: boolean;
  /** Order of asking (increasing). */
  seq: number;
  /** Has not yet spoken at this congress (for `first-time-first`). */
  firstTime: boolean;
}

/**
 * The waiting speakers in the order they will be called. Points of order come first (in the
 * order raised); then the congress's rule: `none` — order of asking; `first-time-first` —
 * members who have not spoken yet before the others; `alternate-lists` — the reserved and open
 * lists in turn, starting with the other list than `lastList` (the list of the last speech on
 * this item; the reserved list when nobody has spoken), and the other list when one runs dry.
 */
export function speakingOrder(waiting: readonly WaitingSpeaker[], rule: AlternationRule, lastList: SpeakingList | null): WaitingSpeaker[] {
  const bySeq = (a: WaitingSpeaker, b: WaitingSpeaker) => a.seq - b.seq;
  const points = waiting.filter((w) => w.pointOfOrder).sort(bySeq);
  const speeches = waiting.filter((w) => !w.pointOfOrder).sort(bySeq);
  if (rule === 'none') return [...points, ...speeches];
  if (rule === 'first-time-first') return [...points, ...speeches.filter((w) => w.firstTime), ...speeches.filter((w) => !w.firstTime)];
  const queues: Record<SpeakingList, WaitingSpeaker[]> = { reserved: speeches.filter((w) => w.list === 'reserved'), open: speeches.filter((w) => w.list === 'open') };
  const out: WaitingSpeaker[] = [...points];
  let next: SpeakingList = lastList === 'reserved' ? 'open' : 'reserved';
  while (queues.reserved.length + queues.open.length > 0) {
    const from: SpeakingList = queues[next].length > 0 ? next : next === 'reserved' ? 'open' : 'reserved';
    out.push(queues[from].shift() as WaitingSpeaker);
    next = from === 'reserved' ? 'open' : 'reserved';
  }
  return out;
}

/**
 * The waiting speakers, in `order`, each whole. The list and the order come from two reads: an
 * entry of the order that the list does not hold as waiting (added, called or withdrawn between
 * the two) is left to the next view — every change publishes one — never shown half-read.
 */
export function waitingInOrder<S extends { id: string; state: string }>(list: readonly S[], order: readonly { id: string; firstTime: boolean }[]): (S & { firstTime: boolean })[] {
  const byId = new Map(list.map((s) => [s.id, s]));
  return order.flatMap((w) => {
    const s = byId.get(w.id);
    return s?.state === 'waiting' ? [{ ...s, firstTime: w.firstTime }] : [];
  });
}

/** Speaking time: a speech gets the standing orders' time, a point of order a third of it. */
export const speakingTimeSeconds = (speakingSeconds: number, pointOfOrder: boolean): number => (pointOfOrder ? Math.max(30, Math.round(speakingSeconds / 3)) : speakingSeconds);
