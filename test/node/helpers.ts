/** Helpers for the Node tests: run the real `lotse` command in a scratch folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = process.env.LOTSE_ROOT ?? process.cwd();
const CLI = process.env.LOTSE_CLI ?? join(ROOT, 'dist/cli.mjs');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
}

/** Run `lotse <args>` with `cwd` as working folder. */
export function lotse(args: string[], cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

/** A new empty folder under the system's temp folder. */
export const scratch = () => mkdtempSync(join(tmpdir(), 'lotse-test-'));

/** Path of a file in the repository. */
export const repo = (path: string) => join(ROOT, path);

export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
export const write = (dir: string, name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/**
 * Findings about the feed itself: without the notes on Lotse's own unreviewed default
 * quick-check steps, which every validate run reports (see cli/validate.ts, quickCheckChecks).
 */
export const feedFindings = <P extends { path: string }>(problems: P[]): P[] => problems.filter((p) => !p.path.startsWith('defaultFlow.'));
