import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkFoundingFile, foundingFileLines, parseFoundingJson } from './founding-file';

const example = () => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../docs/examples/founding.example.json'), 'utf8'));
const check = (file: unknown, today = '2026-12-07') => checkFoundingFile(file, { today, coolingOffMonths: 12 });
const paths = (file: unknown) => check(file).problems.map((p) => p.path);

describe('founding file', () => {
  it('accepts the documented example and plans its mandates oldest first', () => {
    const r = check(example());
    expect(r.problems).toEqual([]);
    expect(r.mandates!.length).toBeGreaterThan(20);
    expect(r.mandates![0].path).toBe('formerMandates[0]');
  });

  it('names every problem of the file at once, each with what to do', () => {
    const f = example();
    f.organization.timeZone = 'Europe/Atlantis';
    f.organization.currency = 'euro';
    f.branches[1].region = 'NOWHERE';
    f.members[0].email = 'not-an-address';
    f.bodies[0].seats[1].until = '2020-01-01';
    f.bodies[2].seats[0].holder = 'nobody@example.org';
    f.bodies[3].kind = 'POLITBURO';
    f.bodies[4].seats[0].colour = 'red';
    const problems = check(f).problems;
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'organization.timeZone',
        'organization.currency',
        'branches[1].region',
        'members[0].email',
        'bodies[0].seats[1].until',
        'bodies[2].seats[0].holder',
        'bodies[3].kind',
        'bodies[4].seats[0].colour',
      ]),
    );
    for (const p of problems) expect(p.fix.length).toBeGreaterThan(5);
    expect(problems.find((p) => p.path === 'bodies[2].seats[0].holder')!.problem).toContain('nobody@example.org');
  });

  it('carries an optional code of conduct: its text one string or a list of paragraphs, within the limits of the publishing route', () => {
    const f = example();
    expect(check(f).file!.codeOfConduct).toEqual({ title: f.codeOfConduct.title, text: f.codeOfConduct.text.join('\n\n') });
    f.codeOfConduct.text = '  One paragraph.  ';
    expect(check(f).file!.codeOfConduct).toEqual({ title: f.codeOfConduct.title, text: 'One paragraph.' });
    delete f.codeOfConduct;
    expect(check(f).file!.codeOfConduct).toBeNull();
    const bad = (codeOfConduct: unknown) => check({ ...example(), codeOfConduct }).problems.map((p) => `${p.path}: ${p.problem}`);
    expect(bad({ title: 'Code' })).toEqual(['codeOfConduct.text: is missing']);
    expect(bad({ title: 'Code', text: [] })).toEqual(['codeOfConduct.text: is an empty list']);
    expect(bad({ title: 'Code', text: ['fine', 7] })).toEqual(['codeOfConduct.text[1]: must be text, not 7']);
    expect(bad({ text: 'x', version: 2 })).toEqual(['codeOfConduct.version: is not a field of this object', 'codeOfConduct.title: is missing']);
    expect(bad({ title: 't'.repeat(201), text: 'x' })).toEqual(['codeOfConduct.title: must be 1 to 200 characters']);
    expect(bad({ title: 'Code', text: ['x'.repeat(60_000), 'y'.repeat(60_000)] })).toEqual(['codeOfConduct.text: is 120002 characters long, more than 100000']);
    expect(bad('Be kind')).toEqual(['codeOfConduct: must be an object']);
  });

  it('requires a Control Commission and an Appeals Committee', () => {
    const f = example();
    f.bodies = f.bodies.filter((b: { kind: string }) => b.kind !== 'APPEALS');
    expect(check(f).problems).toContainEqual(expect.objectContaining({ path: 'bodies', problem: expect.stringContaining('Appeals Committee') }));
  });

  it('S2: refuses an executive member seated on the Control Commission, naming the seat', () => {
    const f = example();
    f.bodies[2].seats[0].holder = f.bodies[0].seats[0].holder; // the EC chair on the commission
    const p = check(f).problems.find((x) => x.path === 'bodies[2].seats[0].holder');
    expect(p?.problem).toMatch(/EC mandate/);
    expect(p?.problem).toContain('bodies[0].seats[0]');
  });

  it('S2: refuses a former EC member on the commission within the cooling-off period, saying from when', () => {
    const f = example();
    f.formerMandates[0].until = '2025-01-31'; // left the EC less than 12 months before the congress of 2025-05-17
    const p = check(f).problems.find((x) => x.path === 'bodies[2].seats[1].holder');
    expect(p?.problem).toContain('cooling-off');
    expect(p?.fix).toContain('2026-01-31');
  });

  it('seat limits: one secretary at a time; a one-seat office lists one seat', () => {
    const f = example();
    f.bodies[0].seats[3].role = 'secretary';
    f.bodies[6].seats.push({ role: 'member', holder: null });
    expect(paths(f)).toEqual(expect.arrayContaining(['bodies[0].seats[3].role', 'bodies[6].seats']));
  });

  it('names the line and column of a JSON syntax error', () => {
    const r = parseFoundingJson('{\n  "organization": {\n    "name": "X",\n  }\n}');
    expect(r.problem?.path).toMatch(/line 4, column \d+/);
  });

  it('names the line of each problem in the file as written (a missing field: the line of its object)', () => {
    const f = example();
    f.bodies[2].seats[0].holder = 'nobody@example.org';
    delete f.branches[1].foundedOn;
    const text = JSON.stringify(f, null, 2);
    const lineOf = foundingFileLines(text);
    const lines = text.split('\n');
    const holderLine = lineOf('bodies[2].seats[0].holder')!;
    expect(lines[holderLine - 1]).toContain('"holder": "nobody@example.org"');
    expect(lines[lineOf('organization.timeZone')! - 1]).toContain('"timeZone": "Europe/Dublin"');
    // branches[1].foundedOn is missing: the line where branches[1] starts.
    expect(lineOf('branches[1].foundedOn')).toBe(lineOf('branches[1]'));
    expect(lines[lineOf('branches[1]')! - 1].trim()).toBe('{');
    expect(lines[lineOf('branches[1]')!]).toContain('"code": "DUB-S"');
    expect(lineOf('(file)')).toBeNull();
    for (const p of check(f).problems) expect(lineOf(p.path)).toEqual(expect.any(Number));
  });
});
