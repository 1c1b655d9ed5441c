/**
 * CLI tests run the real bin (`node dist/main.js`), so the suite compiles it first: a stale dist/
 * would test yesterday's code.
 */
import { execFileSync } from 'node:child_process';

export function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
