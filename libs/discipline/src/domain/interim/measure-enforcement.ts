import { MeasureKind } from './interim-measures';

/**
 * What the platform does with each interim measure today (S5) — told to whoever imposes one, so
 * that a panel never believes it has protected someone when no feature of the platform consults
 * the measure. One entry per measure kind: adding a kind does not compile until it says here
 * whether, and where, it binds. Keep it true: when a context starts (or stops) consulting a
 * restriction, change its entry and the test that pins it.
 */
export interface MeasureEnforcement {
  readonly measure: MeasureKind;
  /** Whether any platform feature refuses something because of this measure. */
  readonly enforced: boolean;
  /** Where it binds: the features that refuse (with the neutral "blocked by a confidential restriction"). */
  readonly enforcedBy: readonly string[];
  /** What it does not (yet) cover, in plain words; `null` when nothing is known to be missing. */
  readonly notCovered: string | null;
}

const ENFORCEMENT: Readonly<Record<MeasureKind, Omit<MeasureEnforcement, 'measure'>>> = {
  suspension_from_office: {
    enforced: true,
    enforcedBy: [
      'identity: no new mandate is recorded for the member (POST /bodies/{bodyId}/mandates)',
      'elections: the member cannot stand for a seat on a body (POST /elections/{electionId}/nominations)',
    ],
    notCovered: 'Mandates the member already holds are not suspended by the platform: ask the body concerned, through the case record, to relieve them.',
  },
  no_hosting: {
    enforced: true,
    enforcedBy: ['membership: the member cannot be named host of a branch meeting (POST /branches/{branchId}/meetings)'],
    notCovered: null,
  },
  no_candidacy: {
    enforced: true,
    enforcedBy: [
      'elections: the member cannot be nominated as a candidate (POST /elections/{electionId}/nominations)',
      'identity: no mandate by election is recorded for the member',
    ],
    notCovered: null,
  },
  separation: {
    enforced: true,
    enforcedBy: [
      'membership: admission, transfer, import and branch assignment that would place the member in a branch with someone they are separated from are refused',
    ],
    notCovered: 'Meetings and events outside the branch register are not checked.',
  },
  no_speaking: {
    enforced: true,
    enforcedBy: [
      "congress floor: the member cannot be put on a congress's speakers' list, by themself or by a chair (POST /agenda-items/{agendaItemId}/speakers)",
      'congress floor: the member cannot publish in the pre-congress discussion bulletin, for themself or for a caucus (POST /congresses/{congressId}/bulletin/contributions)',
      "membership: the member cannot be put on a branch meeting's speakers' list, by asking to speak or by being named by the branch's chair or secretary (POST /branches/{branchId}/meetings/{meetingId}/speakers)",
    ],
    notCovered:
      "Congress speakers' lists, the pre-congress bulletin and branch meetings' speakers' lists refuse it; events held outside the platform's branch meetings, a member already on a meeting's list before the measure (take them off it: the branch's officers are not told why), and anything else the member says or writes are not checked by the platform. Tell the respondent through a case message and check compliance there yourselves.",
  },
  no_recruiting: {
    enforced: false,
    enforcedBy: [],
    notCovered:
      'Recorded with the decision and kept in the restrictions the platform holds, but NOT enforced by any platform feature: the platform has no recruiting feature to refuse. Tell the respondent through a case message and check compliance yourselves.',
  },
};

/** What the platform does with `measure`. */
export function measureEnforcement(measure: MeasureKind): MeasureEnforcement {
  return { measure, ...ENFORCEMENT[measure] };
}

/** Every measure kind with its enforcement, in the order measures are listed (for forms and documentation). */
export function allMeasureEnforcement(): MeasureEnforcement[] {
  return (Object.keys(ENFORCEMENT) as MeasureKind[]).map(measureEnforcement);
}

/**
 * The plain warning for a decision imposing these measures, or `null` when every one of them is
 * enforced: names the measures no platform feature consults, so the panel knows it has not
 * protected anyone by them.
 */
export function unenforcedWarning(measures: readonly MeasureKind[]): string | null {
  const unenforced = [...new Set(measures)].filter((m) => !ENFORCEMENT[m].enforced);
  if (unenforced.length === 0) return null;
  const names = unenforced.map((m) => `"${m}"`).join(' and ');
  return `${names} ${unenforced.length === 1 ? 'is' : 'are'} recorded, but not enforced by any platform feature yet (no feature of the platform refuses anything because of ${unenforced.length === 1 ? 'it' : 'them'}): nobody is stopped by ${unenforced.length === 1 ? 'it' : 'them'}. Tell the respondent through a case message and check compliance yourselves.`;
}
