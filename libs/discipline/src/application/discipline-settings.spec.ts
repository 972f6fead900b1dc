import { ConfigError } from '@org/platform';
import { loadDisciplineSettings } from './discipline-settings';

const refused = (env: Record<string, string>): ConfigError => {
  try {
    loadDisciplineSettings(env);
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('the disciplinary settings, read with the platform’s environment helpers', () => {
  it('gives the statutes’ defaults when nothing is set', () => {
    const s = loadDisciplineSettings({});
    expect(s.deadlines).toMatchObject({ triageDays: 7, panelSeatedDays: 14, findingDays: 60, interimMeasuresHours: 72 });
    expect(s).toMatchObject({ lookBackYears: 5, panelSize: 3, deadlineJobMinutes: 15, appealWindowDays: 30, transparencyThreshold: 3, transparencyPeriod: 'quarter', transparencyLagDays: 14, jobsIntervalMs: 5000 });
    expect(s.publication).toEqual({ reviewDays: 5, nameRespondentForWarnings: false, nameRespondentForConditions: true });
    expect(s.evidence.maxBytes).toBe(20 * 1024 * 1024);
  });

  it('reads good values, empty meaning the default', () => {
    const s = loadDisciplineSettings({
      DISCIPLINE_APPEAL_WINDOW_DAYS: '21',
      DISCIPLINE_OUTCOME_REVIEW_DAYS: '14',
      DISCIPLINE_NAME_RESPONDENT_FOR_WARNINGS: 'Yes',
      DISCIPLINE_TRANSPARENCY_PERIOD: 'half-year',
      DISCIPLINE_JOBS_INTERVAL_MS: '0',
      DISCIPLINE_PANEL_SIZE: '',
    });
    expect(s).toMatchObject({ appealWindowDays: 21, transparencyPeriod: 'half-year', jobsIntervalMs: 0, panelSize: 3 });
    expect(s.publication).toMatchObject({ reviewDays: 14, nameRespondentForWarnings: true });
  });

  it.each([
    [{ DISCIPLINE_APPEAL_WINDOW_DAYS: 'thirty' }, /^Configuration error: DISCIPLINE_APPEAL_WINDOW_DAYS must be a whole number of days, got "thirty"$/],
    [{ DISCIPLINE_OUTCOME_REVIEW_DAYS: '15' }, /^Configuration error: DISCIPLINE_OUTCOME_REVIEW_DAYS must be between 1 and 14 days, got 15$/],
    [{ DISCIPLINE_TRANSPARENCY_THRESHOLD: '2' }, /^Configuration error: DISCIPLINE_TRANSPARENCY_THRESHOLD must be between 3 and 1000, got 2$/],
    [{ DISCIPLINE_NAME_RESPONDENT_FOR_WARNINGS: 'maybe' }, /^Configuration error: DISCIPLINE_NAME_RESPONDENT_FOR_WARNINGS must be true or false, got "maybe"$/],
    [{ DISCIPLINE_TRANSPARENCY_PERIOD: 'week' }, /^Configuration error: DISCIPLINE_TRANSPARENCY_PERIOD must be one of month, quarter, half-year, year, got "week"$/],
    [{ DISCIPLINE_TRIAGE_DAYS: '0' }, /^Configuration error: DISCIPLINE_TRIAGE_DAYS must be between 1 and 365 days, got 0$/],
    [{ DISCIPLINE_JOBS_INTERVAL_MS: '-5' }, /^Configuration error: DISCIPLINE_JOBS_INTERVAL_MS must be a whole number of milliseconds \(0: never\), got "-5"$/],
  ])('stops the boot on %j with a ConfigError naming the variable', (env, message) => {
    const e = refused(env);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toMatch(message);
    expect(e.variable).toBe(Object.keys(env)[0]);
  });
});
