/**
 * Prints the slowest test files at the end of a run, so that the suites worth making cheaper are
 * visible in every CI log (the full run is budgeted at 45 minutes). `SLOWEST_FILES=N` sets how
 * many (default 15; 0 prints nothing).
 */
class SlowestFilesReporter {
  onRunComplete(_contexts, results) {
    const count = Number(process.env.SLOWEST_FILES ?? 15);
    if (!count || !results.testResults.length) return;
    const root = process.cwd() + '/';
    const files = results.testResults
      .map((r) => ({ file: r.testFilePath.replace(root, ''), ms: r.perfStats.end - r.perfStats.start, tests: r.numPassingTests + r.numFailingTests }))
      .sort((a, b) => b.ms - a.ms);
    const total = files.reduce((sum, f) => sum + f.ms, 0);
    const lines = files.slice(0, count).map((f) => `  ${(f.ms / 1000).toFixed(1).padStart(7)} s  ${String(f.tests).padStart(4)} tests  ${f.file}`);
    process.stdout.write(`\nSlowest ${Math.min(count, files.length)} of ${files.length} test files (${(total / 1000).toFixed(0)} s in all):\n${lines.join('\n')}\n`);
  }
}
module.exports = SlowestFilesReporter;
