import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCount } from '../../../scripts/count';
import { fixturePath } from '../../fixtures/stv/stv-fixtures';

const ROOT = resolve(__dirname, '../../..');
const WARD = fixturePath('scotland-2017', 'aberdeen_2017_ward1.blt');

/** The recount command in-process: files from disk, output captured. */
function count(args: string[]): { code: number; out: any; err: string; written: Map<string, string> } {
  let out = '';
  let err = '';
  const written = new Map<string, string>();
  const code = runCount(args, {
    readFile: (p) => readFileSync(p),
    writeFile: (p, text) => written.set(p, text),
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out: out.startsWith('{') ? JSON.parse(out) : out, err, written };
}

describe('npm run count: withdrawals, minimums, vacancies', () => {
  const plain = count([WARD, '--seed', 's']).out;

  it('--withdraw counts with the candidate skipped, and --write-blt writes the withdrawn line that reads back to the same count', () => {
    const w = count([WARD, '--seed', 's', '--withdraw', String(plain.elected[0]), '--write-blt', '/out.blt']);
    expect(w.code).toBe(0);
    expect(w.out.withdrawn).toEqual([plain.elected[0]]);
    expect(w.out.elected).not.toContain(plain.elected[0]);
    const written = w.written.get('/out.blt')!;
    expect(written.split('\n')[1]).toBe(`-${plain.elected[0]}`);
    const dir = mkdtempSync(join(tmpdir(), 'count-cli-'));
    try {
      const file = join(dir, 'w.blt');
      writeFileSync(file, written);
      const again = count([file, '--seed', 's']);
      expect(again.out).toEqual(w.out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--group/--minimum: the result meets the minimum; when already met it is the plain count', () => {
    const losers = [1, 2, 3, 4, 5, 6, 7].filter((c) => !plain.elected.includes(c));
    const forced = count([WARD, '--seed', 's', '--group', `g:${losers.join(',')}`, '--minimum', 'g:2']);
    expect(forced.code).toBe(0);
    expect(forced.out.elected.filter((c: number) => losers.includes(c))).toHaveLength(2);
    const met = count([WARD, '--seed', 's', '--group', `w:${plain.elected[0]}`, '--minimum', 'w:1']);
    expect(met.out).toEqual(plain);
    const bad = count([WARD, '--group', 'g:1,2', '--minimum', 'h:1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--minimum "h" names no --group');
  });

  it('--vacate: countback keeps the other winners and fills the seat; next-highest takes the runner-up', () => {
    const back = count([WARD, '--seed', 's', '--vacate', String(plain.elected[0])]);
    expect(back.code).toBe(0);
    expect(back.out.vacancy.rule).toBe('countback');
    expect(back.out.vacancy.elected.filter((c: number) => c !== back.out.vacancy.filledBy)).toEqual(plain.elected.slice(1));
    expect(plain.elected).not.toContain(back.out.vacancy.filledBy);
    const next = count([WARD, '--seed', 's', '--vacate', String(plain.elected[0]), '--fill', 'next-highest']);
    expect(next.out.vacancy.rule).toBe('next-highest');
    expect(plain.elected).not.toContain(next.out.vacancy.filledBy);
    const notWinner = count([WARD, '--vacate', String([1, 2, 3, 4, 5, 6, 7].find((c) => !plain.elected.includes(c)))]);
    expect(notWinner.code).toBe(2);
    expect(notWinner.err).toContain('was not elected');
  });

  it('runs from the build: scripts/count-from-build.js compiles once, then runs dist/scripts/count.js', () => {
    const out = execFileSync(process.execPath, ['scripts/count-from-build.js', WARD, '--seed', 's'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(plain);
    expect(existsSync(join(ROOT, 'dist', 'scripts', 'count.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.count).toBe('node scripts/count-from-build.js');
  });
});
