import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * The folder that holds `knowledge/`. Code runs both from `src/` (tests, via vitest)
 * and from `dist/src/` (npm start), so walk up instead of hard-coding a depth; once.
 */
export function projectRoot(): string {
  root ??= findProjectRoot();
  return root;
}

function findProjectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'knowledge', 'notice.zh-Hans.txt'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('knowledge/notice.zh-Hans.txt not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

export const knowledgePath = (...parts: string[]): string => join(projectRoot(), 'knowledge', ...parts);
