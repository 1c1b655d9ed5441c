/** zod issues as the one-line, path-first problems a person fixing a YAML file wants to read. */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** `['feeds', 2, 'interval']` → `feeds[2].interval`; keys that are not plain names are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(key))) out += out === '' ? String(key) : `.${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(top level)' : out;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

const EXPECTED: Record<string, string> = { object: 'a mapping', array: 'a list' };

function message(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      // A schema's own wording (`z.string({ error })`) beats the generic one zod writes as "Invalid input: …".
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_key':
      return `invalid key: ${issue.issues[0]?.message ?? issue.message}`;
    case 'invalid_value':
      return issue.message.startsWith('Invalid')
        ? `expected ${issue.values.map(String).join(' or ')}`
        : issue.message;
    default:
      return issue.message;
  }
}

/** Every issue as `path: problem`; an unknown key is reported at its own path, so typos are obvious. */
export function formatIssues(issues: readonly Issue[]): string[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown key`)
      : [`${formatPath(issue.path)}: ${message(issue)}`],
  );
}
