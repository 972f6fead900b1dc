import type { BallotProfile } from './ballot-profile.model';
import { bltInvalid } from './counting.errors';
import { RankingGroupsBuilder } from './ranking-groups.builder';

export interface BltParseOptions {
  /**
   * `refuse` (default): a ballot with `a=b` is an error — Scottish STV and the simple methods
   * have no rule for equal preferences. `allow`: kept as equal rankings, which only the Meek
   * counter accepts (as stv-rs and Droop do, for files such as `rand_mixed_5k.blt`).
   */
  readonly equalRankings?: 'refuse' | 'allow';
}

const SP = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;
const SLASH = 47;
const STAR = 42;
const MINUS = 45;
const LBRACK = 91;
const RBRACK = 93;
const LPAREN = 40;
const RPAREN = 41;
const QUOTE = 34;
const EQ = 61;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

const utf8 = new TextDecoder('utf-8');

/**
 * Reads a BLT ballot file (Hill, Wichmann & Woodall 1987, with the usual extensions):
 *
 * ```
 * 4 2                 candidates seats
 * -2                  optional: withdrawn candidates (several per line allowed)
 * 3 1 3 4 0           weight, then candidate numbers in order of preference, then 0
 * (b17) 1 2 0         optional ballot id in parentheses before the weight
 * 0                   end of ballots
 * "Adam" …            one quoted name per candidate
 * "Title"             the election title (then optional quoted source/comment lines)
 * ```
 *
 * Also accepted: `#` comments to end of line, `/* … *\/` comments, and the Droop/stv-rs options
 * `[nick a b …]` (nicknames usable instead of numbers on ballot lines), `[withdrawn …]`,
 * `[tie …]` (a tie-break order) and `[droop …]` (ignored), and after the title optional quoted
 * source/comment lines (Wichmann) and a free-text trailer, which is ignored. Equal rankings `a=b` are refused
 * unless `equalRankings: 'allow'`; a skipped preference `-` is refused. Each ballot must end on
 * its own line with `0`.
 *
 * The input is read byte by byte from a Buffer / Uint8Array (a string is encoded first): no
 * regular expression, no string per line, and identical rankings are merged as they are read,
 * so a 1,000,000-ballot file parses in well under half a second.
 *
 * Errors: `DomainError('invalid', 'blt_invalid', 'line N: what is wrong')`.
 */
export function parseBlt(input: Uint8Array | string, options: BltParseOptions = {}): BallotProfile {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return new BltReader(bytes, options.equalRankings === 'allow').read();
}

/**
 * Reads "weight p1 p2 … 0" from `start` if the line is plain (digits, spaces, tabs; weight ≥ 1;
 * known candidates, none twice), writing [weight, length] to `out` and the kept (not withdrawn)
 * candidates to `scratch`; returns the position of the line end. Returns -1, having changed
 * nothing that matters, when the line needs the general path.
 */
function readPlainBallot(
  buf: Uint8Array,
  start: number,
  n: number,
  candidateCount: number,
  withdrawn: Uint8Array,
  stamp: Int32Array,
  ballotIndex: number,
  scratch: Uint16Array,
  out: Float64Array,
): number {
  let p = start;
  let weight = 0;
  let d = 0;
  while (p < n && (d = buf[p]) >= ZERO && d <= NINE) {
    weight = weight * 10 + (d - ZERO);
    p++;
  }
  if (weight === 0 || weight > 0xffffffffff) return -1;
  let len = 0;
  for (;;) {
    if (p >= n) return -1;
    d = buf[p];
    if (d !== SP && d !== TAB) return -1;
    do p++;
    while (p < n && ((d = buf[p]) === SP || d === TAB));
    if (p >= n || d < ZERO || d > NINE) return -1;
    let k = 0;
    do {
      k = k * 10 + (d - ZERO);
      p++;
    } while (p < n && (d = buf[p]) >= ZERO && d <= NINE);
    if (k === 0) break;
    if (k > candidateCount) return -1;
    const cand = k - 1;
    if (stamp[cand] === ballotIndex) return -1;
    stamp[cand] = ballotIndex;
    if (withdrawn[cand] === 0) scratch[len++] = cand;
  }
  while (p < n && ((d = buf[p]) === SP || d === TAB || d === CR)) p++;
  if (p < n && buf[p] !== LF) return -1;
  out[0] = weight;
  out[1] = len;
  return p;
}

class BltReader {
  private pos = 0;
  private line = 1;
  private readonly n: number;

  constructor(
    private readonly buf: Uint8Array,
    private readonly allowEqual: boolean,
  ) {
    this.n = buf.length;
    if (this.n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.pos = 3;
  }

  read(): BallotProfile {
    const buf = this.buf;
    const n = this.n;

    // ---- header: "candidates seats"
    this.skipBlank(true);
    if (this.pos >= n) throw bltInvalid(this.line, 'the file is empty: the first line must be "candidates seats", e.g. "7 4"');
    const candidateCount = this.readNumber('the number of candidates');
    this.skipBlank(false);
    if (this.pos >= n || buf[this.pos] === LF) {
      throw bltInvalid(this.line, 'the first line must give two numbers, "candidates seats" (the number of seats is missing)');
    }
    const seats = this.readNumber('the number of seats');
    this.expectEndOfLine('the first line must contain only "candidates seats"');
    if (candidateCount < 1) throw bltInvalid(this.line, 'there must be at least one candidate');
    if (candidateCount > 0xffff) throw bltInvalid(this.line, `too many candidates (${candidateCount}); at most 65535`);
    if (seats < 1) throw bltInvalid(this.line, 'there must be at least one seat');

    const withdrawn = new Uint8Array(candidateCount);
    let nicknames: Map<string, number> | null = null;
    let tieOrder: number[] | undefined;
    const builder = new RankingGroupsBuilder(this.allowEqual, candidateCount);
    const scratch = new Uint16Array(candidateCount);
    const tieScratch = new Uint8Array(candidateCount);
    const stamp = new Int32Array(candidateCount).fill(-1);
    const plain = new Float64Array(2);
    const plainStamp = new Int32Array(candidateCount).fill(-1); // the fast path's own: a line it gives up on is read again
    let ballotIndex = 0;
    let blank = 0;

    // ---- withdrawn lines, options, ballots, the closing 0
    for (;;) {
      this.skipBlank(true);
      if (this.pos >= n) throw bltInvalid(this.line, 'the file ends before the line "0" that closes the ballots');
      let c = buf[this.pos];

      if (c === MINUS) {
        if (ballotIndex > 0) throw bltInvalid(this.line, 'withdrawn candidates ("-N") must be listed before the first ballot');
        for (;;) {
          this.pos++;
          const k = this.readNumber('a candidate number after "-"');
          this.checkCandidate(k, candidateCount);
          withdrawn[k - 1] = 1;
          this.skipBlank(false);
          if (this.pos < n && buf[this.pos] === MINUS) continue;
          this.expectEndOfLine('a withdrawn line lists candidates as "-N", e.g. "-2 -5"');
          break;
        }
        continue;
      }

      if (c === LBRACK) {
        if (ballotIndex > 0) throw bltInvalid(this.line, 'options in brackets must come before the first ballot');
        const [keyword, words] = this.readOption();
        const resolve = (word: string): number => {
          const nick = nicknames?.get(word);
          if (nick !== undefined) return nick;
          if (/^[0-9]+$/.test(word)) {
            const k = Number(word);
            this.checkCandidate(k, candidateCount);
            return k - 1;
          }
          throw bltInvalid(this.line, `[${keyword}] names an unknown candidate "${word}"`);
        };
        if (keyword === 'nick') {
          if (words.length !== candidateCount) {
            throw bltInvalid(this.line, `[nick] must give exactly ${candidateCount} nicknames, one per candidate (found ${words.length})`);
          }
          nicknames = new Map();
          for (let i = 0; i < words.length; i++) {
            if (/^[0-9]/.test(words[i])) throw bltInvalid(this.line, `nickname "${words[i]}" must not start with a digit`);
            if (nicknames.has(words[i])) throw bltInvalid(this.line, `nickname "${words[i]}" is given twice`);
            nicknames.set(words[i], i);
          }
        } else if (keyword === 'withdrawn') {
          for (const w of words) withdrawn[resolve(w)] = 1;
        } else if (keyword === 'tie') {
          tieOrder = words.map(resolve);
          if (new Set(tieOrder).size !== tieOrder.length) throw bltInvalid(this.line, '[tie] names a candidate twice');
        } else if (keyword !== 'droop') {
          throw bltInvalid(this.line, `unknown option [${keyword}]; known options are [nick …], [withdrawn …], [tie …]`);
        }
        continue;
      }

      // Fast path: a plain line "weight p1 p2 … 0" (digits and spaces only). Anything unusual —
      // an id, "=", a nickname, an error — is left to the general path below, which reports it.
      if (c > ZERO && c <= NINE) {
        const end = readPlainBallot(buf, this.pos, n, candidateCount, withdrawn, plainStamp, ballotIndex, scratch, plain);
        if (end >= 0) {
          this.pos = end;
          const len = plain[1];
          if (len === 0) blank += plain[0];
          else builder.add(scratch, len, plain[0], undefined);
          ballotIndex++;
          continue;
        }
      }

      // A ballot line, or the closing 0.
      let hasId = false;
      if (c === LPAREN) {
        hasId = true;
        while (this.pos < n && buf[this.pos] !== RPAREN && buf[this.pos] !== LF) this.pos++;
        if (this.pos >= n || buf[this.pos] !== RPAREN) throw bltInvalid(this.line, 'a ballot id opened with "(" is not closed with ")"');
        this.pos++;
        this.skipBlank(false);
        if (this.pos >= n || buf[this.pos] === LF) throw bltInvalid(this.line, 'a ballot id must be followed by the ballot weight and preferences');
        c = buf[this.pos];
      }
      if (c < ZERO || c > NINE) {
        throw bltInvalid(this.line, `expected a ballot line "weight preference… 0" or the closing "0", found "${this.peekWord()}"`);
      }
      const weight = this.readNumber('the ballot weight');
      if (this.pos < n && buf[this.pos] === DOT) throw bltInvalid(this.line, 'the ballot weight must be a whole number');
      if (weight === 0) {
        if (hasId) throw bltInvalid(this.line, 'a ballot weight must be at least 1');
        this.expectEndOfLine('the line that closes the ballots must contain only "0" (a ballot weight must be at least 1)');
        break;
      }

      // Preferences, on the same line, up to the terminating 0.
      let len = 0;
      let lastTied = 0;
      for (;;) {
        let p = this.pos;
        while (p < n && (buf[p] === SP || buf[p] === TAB || buf[p] === CR)) p++;
        this.pos = p;
        if (p >= n || buf[p] === LF || buf[p] === HASH) throw bltInvalid(this.line, 'the ballot does not end with 0');
        const b = buf[p];
        let cand: number;
        if (b >= ZERO && b <= NINE) {
          // Inline digit loop: the hot path of the whole parser.
          let k = b - ZERO;
          p++;
          while (p < n) {
            const d = buf[p];
            if (d < ZERO || d > NINE) break;
            k = k * 10 + (d - ZERO);
            p++;
          }
          this.pos = p;
          if (p < n) {
            const d = buf[p];
            if (d !== SP && d !== TAB && d !== LF && d !== CR && d !== EQ && d !== HASH) {
              throw bltInvalid(this.line, `"${this.wordAround(p)}" is not a candidate number`);
            }
          }
          if (k === 0) {
            if (lastTied) throw bltInvalid(this.line, '"=" must be followed by another candidate');
            if (p < n && buf[p] === EQ) throw bltInvalid(this.line, '0 ends the ballot and cannot be ranked equal with a candidate');
            break;
          }
          if (k > candidateCount) {
            throw bltInvalid(this.line, `candidate ${k} does not exist (there are ${candidateCount} candidates)`);
          }
          cand = k - 1;
        } else if (b === MINUS) {
          throw bltInvalid(this.line, 'a skipped preference ("-") is not supported: list only the candidates ranked, in order');
        } else if (nicknames !== null && b !== EQ) {
          const start = p;
          while (p < n) {
            const d = buf[p];
            if (d === SP || d === TAB || d === LF || d === CR || d === EQ || d === HASH) break;
            p++;
          }
          this.pos = p;
          const word = utf8.decode(buf.subarray(start, p));
          const found = nicknames.get(word);
          if (found === undefined) throw bltInvalid(this.line, `unknown candidate nickname "${word}"`);
          cand = found;
        } else {
          throw bltInvalid(this.line, `unexpected "${this.peekWord()}" in a ballot: expected a candidate number or the closing 0`);
        }

        if (stamp[cand] === ballotIndex) throw bltInvalid(this.line, `candidate ${cand + 1} is ranked twice on the same ballot`);
        stamp[cand] = ballotIndex;

        let tied = 0;
        if (this.pos < n && buf[this.pos] === EQ) {
          if (!this.allowEqual) {
            throw bltInvalid(
              this.line,
              'equal rankings ("=") are not allowed for this count: each preference must name exactly one candidate',
            );
          }
          tied = 1;
          this.pos++;
          const d = this.pos < n ? buf[this.pos] : LF;
          if (d === SP || d === TAB || d === LF || d === CR || d === HASH) throw bltInvalid(this.line, '"=" must be followed by another candidate');
        }
        if (withdrawn[cand]) {
          // Drop it; if the previous candidate was tied to it, the tie now continues (or not) as this one did.
          if (len > 0 && tieScratch[len - 1] === 1) tieScratch[len - 1] = tied;
        } else {
          scratch[len] = cand;
          tieScratch[len] = tied;
          len++;
        }
        lastTied = tied;
      }
      // After the closing 0: nothing but blanks or a comment.
      this.skipBlank(false);
      if (this.pos < n && buf[this.pos] !== LF) throw bltInvalid(this.line, `unexpected "${this.peekWord()}" after the 0 that ends the ballot`);

      if (len === 0) blank += weight;
      else builder.add(scratch, len, weight, this.allowEqual ? tieScratch : undefined);
      ballotIndex++;
    }

    // ---- names and title
    const names: string[] = [];
    for (let i = 0; i < candidateCount; i++) {
      this.skipBlank(true);
      if (this.pos >= n) {
        throw bltInvalid(this.line, `the file ends before the name of candidate ${i + 1} (expected ${candidateCount} names in double quotes)`);
      }
      names.push(this.readQuoted(`the name of candidate ${i + 1} in double quotes`));
    }
    this.skipBlank(true);
    let title = '';
    if (this.pos < n) title = this.readQuoted('the election title in double quotes');
    // Wichmann-style quoted source / comment lines may follow; anything after them (some
    // reference files carry a free-text trailer, e.g. "First Prefs …") is not part of the election.
    for (;;) {
      this.skipBlank(true);
      if (this.pos >= n || buf[this.pos] !== QUOTE) break;
      this.readQuoted('a quoted source or comment line');
    }

    const withdrawnList: number[] = [];
    for (let i = 0; i < candidateCount; i++) if (withdrawn[i]) withdrawnList.push(i);
    return builder.build({ title, candidates: names, seats, withdrawn: withdrawnList, blankBallots: blank, tieOrder });
  }

  /** Skips spaces, tabs, CR and comments; newlines too when `crossLines`. */
  private skipBlank(crossLines: boolean): void {
    const buf = this.buf;
    const n = this.n;
    let p = this.pos;
    while (p < n) {
      const c = buf[p];
      if (c === SP || c === TAB || c === CR) {
        p++;
      } else if (c === LF) {
        if (!crossLines) break;
        this.line++;
        p++;
      } else if (c === HASH) {
        while (p < n && buf[p] !== LF) p++;
      } else if (c === SLASH && p + 1 < n && buf[p + 1] === STAR) {
        const startLine = this.line;
        p += 2;
        while (p < n && !(buf[p] === STAR && p + 1 < n && buf[p + 1] === SLASH)) {
          if (buf[p] === LF) this.line++;
          p++;
        }
        if (p >= n) throw bltInvalid(startLine, 'a comment opened with "/*" is never closed');
        p += 2;
      } else {
        break;
      }
    }
    this.pos = p;
  }

  private readNumber(what: string): number {
    const buf = this.buf;
    let p = this.pos;
    const start = p;
    let v = 0;
    while (p < this.n && buf[p] >= ZERO && buf[p] <= NINE) {
      v = v * 10 + (buf[p] - ZERO);
      p++;
    }
    if (p === start) throw bltInvalid(this.line, `expected ${what}, found "${this.peekWord()}"`);
    if (p < this.n) {
      const d = buf[p];
      if (d !== SP && d !== TAB && d !== LF && d !== CR && d !== HASH && d !== DOT && d !== MINUS) {
        throw bltInvalid(this.line, `expected ${what}, found "${this.wordAround(start)}"`);
      }
    }
    if (!Number.isSafeInteger(v)) throw bltInvalid(this.line, `${what} is too large`);
    this.pos = p;
    return v;
  }

  private checkCandidate(k: number, count: number): void {
    if (k < 1 || k > count) throw bltInvalid(this.line, `candidate ${k} does not exist (there are ${count} candidates)`);
  }

  private expectEndOfLine(message: string): void {
    this.skipBlank(false);
    if (this.pos < this.n && this.buf[this.pos] !== LF) throw bltInvalid(this.line, `${message}; found "${this.peekWord()}"`);
  }

  private readOption(): [string, string[]] {
    const buf = this.buf;
    const start = ++this.pos;
    while (this.pos < this.n && buf[this.pos] !== RBRACK && buf[this.pos] !== LF) this.pos++;
    if (this.pos >= this.n || buf[this.pos] !== RBRACK) throw bltInvalid(this.line, 'an option opened with "[" is not closed with "]" on the same line');
    const words = utf8.decode(buf.subarray(start, this.pos)).trim().split(/\s+/).filter((w) => w.length > 0);
    this.pos++;
    this.expectEndOfLine('an option in brackets must be alone on its line');
    if (words.length === 0) throw bltInvalid(this.line, 'empty option "[]"');
    return [words[0], words.slice(1)];
  }

  private readQuoted(what: string): string {
    const buf = this.buf;
    if (buf[this.pos] !== QUOTE) throw bltInvalid(this.line, `expected ${what}, found "${this.peekWord()}"`);
    const start = ++this.pos;
    while (this.pos < this.n && buf[this.pos] !== QUOTE && buf[this.pos] !== LF) this.pos++;
    if (this.pos >= this.n || buf[this.pos] !== QUOTE) throw bltInvalid(this.line, `a quoted text is not closed with " on the same line`);
    const text = utf8.decode(buf.subarray(start, this.pos));
    this.pos++;
    return text;
  }

  /** The word at the current position, for error messages. */
  private peekWord(): string {
    return this.wordAround(this.pos);
  }

  private wordAround(from: number): string {
    const buf = this.buf;
    if (from >= this.n) return 'end of file';
    if (buf[from] === LF || buf[from] === CR) return 'end of line';
    let s = from;
    while (s > 0 && buf[s - 1] !== SP && buf[s - 1] !== TAB && buf[s - 1] !== LF) s--;
    let e = from;
    while (e < this.n && buf[e] !== SP && buf[e] !== TAB && buf[e] !== LF && buf[e] !== CR && e - s < 40) e++;
    if (e === s) return e >= this.n ? 'end of file' : 'end of line';
    return utf8.decode(buf.subarray(s, e));
  }
}
