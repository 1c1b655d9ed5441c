/** The config file as written: one zod schema, which is also the source of schemas/config.schema.json. */
import { z } from 'zod';
import { templateProblem } from './disclaimers.js';
import { parseDuration } from './duration.js';
import { isRedisUrl } from './field-checks.js';
import {
  agencyCode,
  DISCLAIMER_KEY_PATTERN,
  disclaimerChoice,
  duration,
  envName,
  feedSchema,
  timezone,
} from './schema-feed.js';

/** The variable the dashboard password is read from when `dashboard.passwordEnv` is not given. */
export const DASHBOARD_PASSWORD_ENV = 'WIREFEED_DASHBOARD_PASSWORD';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const template = z
  .string()
  .superRefine((text, ctx) => {
    const problem = templateProblem(text);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('Disclaimer text; may use {publisher}, {agency} and {agencyName}');

const port = z
  .number()
  .int('expected a port number')
  .min(0, 'expected 0-65535')
  .max(65535, 'expected 0-65535');

/** BullMQ refuses ":" in queue names (it is its key separator). */
const queueName = z.string().regex(/^[^:\s]+$/, 'expected a queue name without ":" or spaces');

const publisherSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty').describe('Publisher name, for {publisher}'),
  disclaimer: z.strictObject({ template }).optional().describe('Shorthand for disclaimers.default'),
  disclaimers: z
    .record(z.string().regex(DISCLAIMER_KEY_PATTERN, 'expected a key like "withInputs"'), template)
    .optional()
    .describe('Named disclaimer templates; "default" always exists'),
});

export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editor hint; ignored by wirefeed'),
    publisher: publisherSchema,
    timezone: timezone().default('UTC'),
    redis: z
      .strictObject({
        url: z
          .string()
          .refine(isRedisUrl, 'expected a redis:// or rediss:// URL')
          .optional()
          .describe('Overridden by REDIS_URL; absent: an embedded redis-server is started'),
        embedded: z
          .strictObject({
            dataDir: z.string().min(1, 'must not be empty').default('./var/redis'),
            port: port.default(0).describe('0 picks a free port'),
          })
          .prefault({}),
      })
      .prefault({}),
    queue: z
      .strictObject({
        name: queueName.default('publish').describe('Queue the publish jobs go to'),
        pollQueue: queueName.default('wirefeed-poll'),
        concurrency: z.number().int('expected a whole number').min(1, 'must be at least 1').default(4),
        feedLockTtl: duration()
          .refine((text) => (parseDuration(text) ?? 0) >= 1_000, 'must be at least 1s')
          .default('30s')
          .describe("How long a crashed worker's hold on a feed outlives it; live polls renew it"),
      })
      .prefault({}),
    http: z
      .strictObject({
        port: port.default(9464).describe('Health and metrics; 0 turns the server off'),
        host: z.string().min(1, 'must not be empty').default('0.0.0.0'),
      })
      .prefault({}),
    dashboard: z
      .strictObject({
        enabled: z.boolean().default(false),
        path: z
          .string()
          .regex(/^(\/[A-Za-z0-9._~-]+)+$/, 'expected a URL path like "/admin/queues"')
          .refine(
            (path) => !['/healthz', '/readyz', '/metrics'].includes(path),
            'must not be /healthz, /readyz or /metrics',
          )
          .default('/admin/queues'),
        username: z.string().min(1, 'must not be empty').default('admin'),
        passwordEnv: envName
          .default(DASHBOARD_PASSWORD_ENV)
          .describe('Environment variable holding the basic-auth password'),
      })
      .prefault({})
      .describe('Bull Board queue dashboard on the health server, behind basic auth; off by default'),
    log: z
      .strictObject({
        level: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
        pretty: z.boolean().default(false),
      })
      .prefault({}),
    agencies: z
      .record(
        agencyCode,
        z.strictObject({ name: z.string().min(1).optional(), disclaimer: disclaimerChoice.optional() }),
      )
      .default({})
      .describe('Per-agency overrides, keyed by agency code'),
    html: z
      .strictObject({
        allowIframesFrom: z
          .array(z.string().regex(/^[a-z0-9.-]+$/i, 'expected a hostname like "www.youtube.com"'))
          .default([])
          .describe('Hostnames whose iframes (video embeds) survive sanitising; https only'),
      })
      .prefault({}),
    fetch: z
      .strictObject({
        perHostConnections: z
          .number()
          .int('expected a whole number')
          .min(1, 'must be at least 1')
          .default(4)
          .describe('Concurrent connections per agency host'),
      })
      .prefault({}),
    backoff: z
      .strictObject({
        max: duration()
          .default('1h')
          .describe('Ceiling for the wait after failed polls; a failing feed is slowed, never stopped'),
      })
      .prefault({}),
    dedup: z
      .strictObject({
        retention: duration()
          .default('30d')
          .describe('How long seen-state and kill tombstones are kept; longer than job retention'),
      })
      .prefault({}),
    feeds: z.array(feedSchema),
  })
  .meta({ title: 'wirefeed config', description: 'wirefeed configuration (YAML)' });

export type ConfigFile = z.output<typeof configFileSchema>;

/** The JSON Schema of the config file, for editors; schemas/config.schema.json is this, committed. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configFileSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
}
