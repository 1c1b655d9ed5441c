/** Replay inputs: files as given, folders walked recursively in a stable order. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Golden files sit beside their fixtures and are not inputs. */
const SKIPPED = /(\.expected\.json|\.md)$/i;

export function expandInputs(paths: readonly string[]): string[] {
  const visited = new Set<string>();
  return paths.flatMap((path) => walk(path, true, visited));
}

/** `visited` holds the real path of every folder walked, so a symlink back up the tree ends there. */
function walk(path: string, explicit: boolean, visited: Set<string>): string[] {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // A missing path is kept: reading it fails with INPUT_NOT_FOUND, reported like any bad input.
    return [path];
  }
  if (!isDirectory) return explicit || !SKIPPED.test(path) ? [path] : [];
  const real = realpathSync(path);
  if (visited.has(real)) return [];
  visited.add(real);
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => walk(join(path, name), false, visited));
}
