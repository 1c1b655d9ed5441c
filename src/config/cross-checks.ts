/**
 * Rules that span fields: unique feed ids, disclaimer keys that exist, secrets present in the
 * environment. They read the raw YAML defensively so they still run — and report — when the schema
 * has found problems elsewhere: one run lists everything.
 */
import { DEFAULT_DISCLAIMER_KEY, WITH_INPUTS_DISCLAIMER_KEY } from './disclaimers.js';
import { formatPath } from './issues.js';
import { DASHBOARD_PASSWORD_ENV } from './schema.js';

type Raw = Record<string, unknown>;

function record(value: unknown): Raw | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function disclaimerKeys(publisher: Raw | null): string[] {
  return [
    DEFAULT_DISCLAIMER_KEY,
    WITH_INPUTS_DISCLAIMER_KEY,
    ...Object.keys(record(publisher?.disclaimers) ?? {}),
  ];
}

function checkDisclaimerRef(value: unknown, path: PropertyKey[], known: string[]): string[] {
  if (typeof value !== 'string' || known.includes(value)) return [];
  return [`${formatPath(path)}: unknown disclaimer "${value}"; known: ${[...new Set(known)].join(', ')}`];
}

function checkSecrets(auth: Raw | null, path: PropertyKey[], env: NodeJS.ProcessEnv): string[] {
  return Object.entries(auth ?? {})
    .filter(([key, name]) => key.endsWith('Env') && typeof name === 'string' && (env[name] ?? '') === '')
    .map(([key, name]) => `${formatPath([...path, key])}: environment variable ${String(name)} is not set`);
}

function checkPublisher(publisher: Raw | null): string[] {
  if (publisher?.disclaimer === undefined || record(publisher.disclaimers)?.default === undefined) return [];
  return [
    'publisher.disclaimer: give either publisher.disclaimer or publisher.disclaimers.default, not both',
  ];
}

function checkAgencies(agencies: Raw | null, known: string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [code, agency] of Object.entries(agencies ?? {})) {
    const upper = code.toUpperCase();
    const earlier = seen.get(upper);
    if (earlier !== undefined) problems.push(`agencies.${code}: same agency as agencies.${earlier}`);
    seen.set(upper, code);
    problems.push(...checkDisclaimerRef(record(agency)?.disclaimer, ['agencies', code, 'disclaimer'], known));
  }
  return problems;
}

function checkFeeds(feeds: unknown[], known: string[], env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  feeds.forEach((value, index) => {
    const feed = record(value);
    if (feed === null) return;
    if (typeof feed.id === 'string') {
      const earlier = firstIndex.get(feed.id);
      if (earlier === undefined) firstIndex.set(feed.id, index);
      else problems.push(`feeds[${index}].id: duplicate id "${feed.id}" (also feeds[${earlier}])`);
    }
    problems.push(...checkDisclaimerRef(feed.disclaimer, ['feeds', index, 'disclaimer'], known));
    problems.push(...checkSecrets(record(feed.auth), ['feeds', index, 'auth'], env));
  });
  return problems;
}

/** An enabled dashboard needs its password; the default variable counts even when not written out. */
function checkDashboard(dashboard: Raw | null, env: NodeJS.ProcessEnv): string[] {
  if (dashboard?.enabled !== true) return [];
  return checkSecrets({ passwordEnv: DASHBOARD_PASSWORD_ENV, ...dashboard }, ['dashboard'], env);
}

/** Problems the schema cannot see, as `path: problem` lines. */
export function crossCheck(raw: unknown, env: NodeJS.ProcessEnv): string[] {
  const root = record(raw);
  const publisher = record(root?.publisher);
  const known = disclaimerKeys(publisher);
  return [
    ...checkPublisher(publisher),
    ...checkAgencies(record(root?.agencies), known),
    ...checkFeeds(list(root?.feeds), known, env),
    ...checkDashboard(record(root?.dashboard), env),
  ];
}
