import { CaseStage } from './case.types';
import { CASE_LIFECYCLE, CASE_STAGES, CaseCommandRule, CaseTransition, INITIAL_STAGE } from './case-lifecycle';

/**
 * What the life-cycle table says as a whole: the stages it cannot reach, and the table as
 * markdown (the section of `libs/discipline/README.md` that `case-lifecycle.spec.ts` keeps in
 * step with the declaration).
 */

/** Stages that no step of the table (from the initial one) leads to. */
export function unreachableStages(): CaseStage[] {
  const seen = new Set<CaseStage>([INITIAL_STAGE]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const rule of CASE_LIFECYCLE) {
      for (const t of rule.transitions) {
        if (seen.has(t.from) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
      }
    }
  }
  return CASE_STAGES.filter((s) => !seen.has(s));
}

/** The table as markdown, one row per command (the README's section is generated from it). */
export function lifecycleMarkdown(): string {
  const step = (t: CaseTransition) => `${t.from} → ${t.to}${t.when ? ` (${t.when})` : ''}`;
  const show = (rule: CaseCommandRule) => {
    const moves = rule.transitions.filter((t) => t.from !== t.to || t.when);
    const stay = rule.transitions.filter((t) => t.from === t.to && !t.when).map((t) => t.from);
    const stays = rule.refusal === null ? ['any stage (stays)'] : stay.length ? [`stays in ${stay.join(', ')}`] : [];
    return [...moves.map(step), ...stays].join('; ');
  };
  const refusal = (rule: CaseCommandRule) => {
    if (!rule.refusal) return '—';
    const codes = [rule.refusal, ...Object.values(rule.refusalIn ?? {})].map((r) => `\`${r!.code}\``);
    return [...new Set(codes)].join(', ');
  };
  const lines = [
    '| command | who | stage → stage | what must hold | refused elsewhere with |',
    '|---|---|---|---|---|',
    ...CASE_LIFECYCLE.map(
      (r) =>
        `| \`${r.command}\` | ${r.who.join(', ')} | ${show(r)} | ${r.requires.join('; ') || '—'} | ${refusal(r)} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}
