import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * One process at a time on an embedded data folder. PGlite has no lock of its own: two processes
 * writing the same `DATA_DIR/pg` files destroy the database. Every process that opens the embedded
 * database takes `DATA_DIR/commons.lock` first, before touching the PGlite files.
 *
 * - The lock file appears complete and atomically: it is written under a temporary name and then
 *   hard-linked to `commons.lock`, which fails if the file exists (never two holders). Where the
 *   file system has no hard links, it is created with O_EXCL instead; an unreadable lock younger
 *   than 10 s is then taken as one being written.
 * - It names its holder: pid, the process's start time (`/proc/<pid>/stat`), the machine's boot id,
 *   the host name, the command and since when. A holder whose pid is gone, whose pid now belongs to
 *   another process (different start time), or that ran before the machine restarted, is stale.
 * - A stale lock is taken over by whoever first creates `commons.lock.takeover-<hash of the stale
 *   lock>` (O_EXCL): only that process may delete that very lock, after checking it is still the one
 *   it judged stale. Two processes racing for one stale lock cannot both win. A takeover claim left
 *   by a process killed in the middle is itself stale and taken over the same way.
 * - Released (the file deleted, only if it is still ours) on close, on normal exit and on exit
 *   after SIGTERM/SIGINT; a process killed outright leaves a stale lock, taken over at the next start.
 */

export const LOCK_FILE = 'commons.lock';

export interface LockHolder {
  pid: number;
  /** Field 22 of `/proc/<pid>/stat` (clock ticks after boot), when the system has `/proc`. */
  processStart: string | null;
  bootId: string | null;
  hostname: string;
  command: string;
  since: string;
  token: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
    readonly lockFile: string,
    reason: 'held' | 'other-host' | 'taking-over' = 'held',
  ) {
    const who = `pid ${holder.pid} (${holder.command}) on ${holder.hostname}, since ${holder.since}`;
    const head =
      reason === 'taking-over'
        ? `The data folder ${folder} is being taken over by another process: ${who}.`
        : `The data folder ${folder} is in use by another process: ${who}.`;
    const tail =
      reason === 'other-host'
        ? ` The lock was taken on another machine, so this one cannot tell whether it still runs; if it does not, delete ${lockFile} and start again.`
        : ' Stop that process first, or set DATA_DIR to another folder.';
    super(`${head} Two processes on one embedded database would destroy it, so this one did not open it.${tail}`);
    this.name = 'DataDirInUseError';
  }
}

/** Test seams: let a test interleave two contenders deterministically. */
export interface LockHooks {
  /** After judging a lock stale, before claiming its takeover. */
  beforeClaim?: () => void;
  /** After the takeover is claimed, before the stale lock is deleted. */
  afterClaim?: () => void;
}

export interface AcquireOptions {
  hooks?: LockHooks;
  /** How long to wait for another process that is in the middle of a takeover (default 3 s). */
  takeoverWaitMs?: number;
}

export class DataDirLock {
  private released = false;
  constructor(
    readonly file: string,
    readonly holder: LockHolder,
  ) {}

  /** Deletes the lock file if it is still this process's own. Safe to call more than once. */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    const current = readOrNull(this.file);
    if (current !== null && parse(current)?.token === this.holder.token) fs.rmSync(this.file, { force: true });
  }
}

const held = new Set<DataDirLock>();
let exitHookInstalled = false;

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function parse(raw: string): LockHolder | null {
  try {
    const v = JSON.parse(raw) as LockHolder;
    return typeof v?.pid === 'number' && typeof v.token === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Start time of a process (clock ticks after boot), or null where there is no `/proc`. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22; `fields` starts at field 3
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

function self(): LockHolder {
  const command = [path.basename(process.argv0 || 'node'), ...process.argv.slice(1).map((a) => path.relative(process.cwd(), a) || a)]
    .join(' ')
    .slice(0, 200);
  return {
    pid: process.pid,
    processStart: processStartTime(process.pid),
    bootId: bootId(),
    hostname: os.hostname(),
    command,
    since: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
}

/** Whether the process named by a lock still runs: 'alive', 'dead', or 'unknown' (another machine). */
export function holderState(h: LockHolder): 'alive' | 'dead' | 'unknown' {
  if (h.hostname !== os.hostname()) return 'unknown';
  const boot = bootId();
  if (h.bootId && boot && h.bootId !== boot) return 'dead';
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return 'dead';
    // EPERM: it exists, under another user.
  }
  const start = processStartTime(h.pid);
  if (h.processStart && start && h.processStart !== start) return 'dead'; // the pid now belongs to another process
  return 'alive';
}

/**
 * Creates `file` complete, or fails with EEXIST: a hard link of the fully written temporary file.
 * Where the file system has no hard links, an exclusive create (O_EXCL) and one write.
 */
function link(tmp: string, file: string, content: LockHolder): void {
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    fs.writeFileSync(file, JSON.stringify(content), { flag: 'wx', mode: 0o644 });
  }
}

function mtimeOrZero(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const digest = (raw: string) => createHash('sha256').update(raw).digest('hex').slice(0, 16);

/**
 * Deletes the stale file `file` whose content was `raw`, if this process wins the right to; returns
 * false when another process is doing it (the caller looks again). Throws when a live process holds
 * the takeover for too long.
 */
function removeStale(file: string, raw: string, folder: string, opts: AcquireOptions, depth = 0): boolean {
  const claim = `${file}.takeover-${digest(raw)}`;
  const me = JSON.stringify(self());
  try {
    fs.writeFileSync(claim, me, { flag: 'wx', mode: 0o644 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const claimRaw = readOrNull(claim);
    if (claimRaw === null) return false;
    const claimer = parse(claimRaw);
    if (claimer && holderState(claimer) !== 'dead') {
      if (depth > 0) return false;
      const until = Date.now() + (opts.takeoverWaitMs ?? 3000);
      while (Date.now() < until) {
        sleep(20);
        if (readOrNull(claim) !== claimRaw) return false;
      }
      throw new DataDirInUseError(folder, claimer, claim, 'taking-over');
    }
    // The claimer was killed in the middle of its takeover: its claim is stale too.
    if (depth >= 3) throw new Error(`Stale lock files in ${folder} could not be cleared; delete ${path.join(folder, LOCK_FILE)}* by hand when no process uses the folder.`);
    removeStale(claim, claimRaw, folder, opts, depth + 1);
    return false;
  }
  try {
    opts.hooks?.afterClaim?.();
    // Only the holder of this claim may delete this very lock, so what was read is still there.
    if (readOrNull(file) === raw) fs.rmSync(file, { force: true });
    return true;
  } finally {
    fs.rmSync(claim, { force: true });
  }
}

/**
 * Takes the lock on `folder` (created if missing) or throws `DataDirInUseError` naming the holder.
 * A stale lock (its process gone) is taken over.
 */
export function acquireDataDirLock(folder: string, opts: AcquireOptions = {}): DataDirLock {
  const dir = path.resolve(folder);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const mine = self();
  const tmp = `${file}.${mine.pid}.${mine.token}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(mine), { mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 400; attempt++) {
      try {
        link(tmp, file, mine);
        const lock = new DataDirLock(file, mine);
        held.add(lock);
        if (!exitHookInstalled) {
          exitHookInstalled = true;
          process.on('exit', () => [...held].forEach((l) => l.release()));
        }
        return lock;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const raw = readOrNull(file);
      if (raw === null) continue;
      const holder = parse(raw);
      if (holder) {
        const state = holderState(holder);
        if (state !== 'dead') throw new DataDirInUseError(dir, holder, file, state === 'unknown' ? 'other-host' : 'held');
      } else if (Date.now() - mtimeOrZero(file) < 10_000) {
        // Unreadable and new: on a file system without hard links it may be still being written.
        sleep(50);
        continue;
      }
      // Stale, or unreadable for more than 10 s (not a holder that is writing it).
      opts.hooks?.beforeClaim?.();
      if (!removeStale(file, raw, dir, opts)) sleep(5);
    }
    throw new Error(`Could not take the lock on the data folder ${dir}: it changed hands too often. Try again.`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Reads who holds the lock on `folder`, if anyone (for messages and tests). */
export function readDataDirLock(folder: string): LockHolder | null {
  const raw = readOrNull(path.join(path.resolve(folder), LOCK_FILE));
  return raw === null ? null : parse(raw);
}
