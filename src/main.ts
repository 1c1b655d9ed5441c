#!/usr/bin/env node
import { buildProgram } from './cli/program.js';
/** argv → cli/. Anything thrown is one clear line on stderr and a non-zero exit. */
import { UsageError } from './cli/usage-error.js';
import { IngestError } from './model/errors.js';

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    const code = err instanceof IngestError ? ` [${err.code}]` : '';
    process.stderr.write(`wirefeed: ${message}${code}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  });
