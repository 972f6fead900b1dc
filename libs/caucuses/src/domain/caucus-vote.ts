import { caucusError, CaucusErrorCode } from './caucus.errors';

export const VOTE_QUESTION_MAX = 500;
export const VOTE_OPTION_MAX = 200;
export const VOTE_OPTIONS_MIN = 2;
export const VOTE_OPTIONS_MAX = 20;

export interface CaucusVoteFace {
  readonly id: string;
  readonly caucusId: string;
  readonly question: string;
  readonly options: readonly string[];
  readonly openedBy: string;
  readonly openedAt: Date;
  readonly closedAt: Date | null;
}

/**
 * An internal vote of a caucus: a question and its options, one vote per member. Who took part
 * is kept apart from what was chosen (a participation list and anonymous tallies), so nobody —
 * not even the caucus — can read a member's choice back. Results are shown to the caucus's
 * members once the vote is closed; while it is open, only how many have voted.
 */
export class CaucusVote {
  constructor(readonly face: CaucusVoteFace) {}

  static open(input: { question: string; options: readonly string[] }): { question: string; options: string[] } {
    const question = input.question.trim();
    const options = input.options.map((o) => o.trim());
    if (!question || question.length > VOTE_QUESTION_MAX) {
      throw caucusError('invalid', CaucusErrorCode.invalidVote, `A vote needs a question of 1 to ${VOTE_QUESTION_MAX} characters.`, { field: 'question' });
    }
    if (options.length < VOTE_OPTIONS_MIN || options.length > VOTE_OPTIONS_MAX || options.some((o) => !o || o.length > VOTE_OPTION_MAX)) {
      throw caucusError('invalid', CaucusErrorCode.invalidVote, `A vote needs ${VOTE_OPTIONS_MIN} to ${VOTE_OPTIONS_MAX} options, each of 1 to ${VOTE_OPTION_MAX} characters.`, { field: 'options' });
    }
    if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) {
      throw caucusError('invalid', CaucusErrorCode.invalidVote, 'Two options of this vote read the same: give each option its own wording.', { field: 'options' });
    }
    return { question, options };
  }

  get isOpen(): boolean {
    return this.face.closedAt === null;
  }

  /** A member's vote: the option's index. `alreadyVoted` comes from the participation list. */
  cast(option: number, alreadyVoted: boolean): number {
    if (!this.isOpen) throw caucusError('conflict', CaucusErrorCode.voteClosed, 'This vote is closed: its result is shown to the caucus.');
    if (alreadyVoted) throw caucusError('conflict', CaucusErrorCode.alreadyVoted, 'You have already voted in this vote; each member votes once.');
    if (!Number.isInteger(option) || option < 0 || option >= this.face.options.length) {
      throw caucusError('invalid', CaucusErrorCode.unknownOption, `Choose one of the ${this.face.options.length} options of this vote (0 to ${this.face.options.length - 1}).`, { field: 'option' });
    }
    return option;
  }

  /** Only the member who opened the vote closes it. */
  close(memberId: string): void {
    if (!this.isOpen) throw caucusError('conflict', CaucusErrorCode.voteClosed, 'This vote is already closed.');
    if (this.face.openedBy !== memberId) {
      throw caucusError('forbidden', CaucusErrorCode.notVoteOpener, 'Only the member who opened this vote can close it.');
    }
  }

  /** Results for the caucus's members: per option once closed; before that, null. */
  results(tallies: ReadonlyMap<number, number>): { option: string; votes: number }[] | null {
    if (this.isOpen) return null;
    return this.face.options.map((option, i) => ({ option, votes: tallies.get(i) ?? 0 }));
  }
}
