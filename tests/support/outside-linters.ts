// Two linters nobody here wrote, each with its stock rules only: Spectral (`.spectral.yaml`:
// spectral:oas and spectral:arazzo) and Redocly (`recommended`, scripts/lint/redocly-recommended.yaml).
// Each returns the rule names of its findings, of any severity.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

const bin = (name: string) => resolve(projectRoot, 'node_modules', '.bin', name);

/** The rule names of Spectral's findings in each of `paths` (one run for them all), by path. */
export function spectralFindings(paths: string[]): Record<string, string[]> {
  const run = spawnSync(bin('spectral'), ['lint', ...paths, '--ruleset', resolve(projectRoot, '.spectral.yaml'), '--format', 'json', '--quiet'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  const json = run.stdout.slice(run.stdout.indexOf('['));
  if (!json.startsWith('[')) throw new Error(`spectral printed no report: ${run.stdout}${run.stderr}`);
  const byPath: Record<string, string[]> = Object.fromEntries(paths.map((path) => [path, []]));
  for (const finding of JSON.parse(json) as { code: string; source?: string }[]) {
    // A finding in another file (a document the linted one refers to) is listed under that file.
    const source = resolve(projectRoot, finding.source ?? '(no source)');
    byPath[source] = [...(byPath[source] ?? []), finding.code];
  }
  return byPath;
}

export function redoclyRecommendedFindings(paths: string[]): string[] {
  // One report per file: Redocly prints one JSON document each.
  return paths.flatMap((path) => {
    const run = spawnSync(bin('redocly'), ['lint', path, '--config', resolve(projectRoot, 'scripts/lint/redocly-recommended.yaml'), '--format', 'json'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    const json = run.stdout.slice(run.stdout.indexOf('{'));
    if (!json.startsWith('{')) throw new Error(`redocly printed no report: ${run.stdout}${run.stderr}`);
    return (JSON.parse(json) as { problems: { ruleId: string }[] }).problems.map((problem) => problem.ruleId);
  });
}
