/**
 * The `feeds[]` entry of the config file, as written. Field rules live here so the JSON Schema and
 * the loader can never disagree; cross-field rules (unique ids, known disclaimer keys, secrets set in
 * the environment) are in cross-checks.ts.
 */
import { z } from 'zod';
import { FEED_FORMATS } from '../model/feed.js';
import { DURATION_PATTERN, parseDuration, SIZE_PATTERN } from './duration.js';
import { isFeedLocation, isHostOrCidr, isTimeZone } from './field-checks.js';

export const FEED_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const AGENCY_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
export const DISCLAIMER_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const DURATION_HINT = 'expected a duration like "5m"';
const SIZE_HINT = 'expected a size like "64MB" or a number of bytes';

export function duration() {
  return z.string({ error: DURATION_HINT }).regex(DURATION_PATTERN, DURATION_HINT);
}

export function timezone() {
  return z
    .string()
    .refine(isTimeZone, 'expected an IANA time zone like "Asia/Kolkata"')
    .describe('IANA time zone, e.g. Asia/Kolkata');
}

export const agencyCode = z
  .string()
  .regex(AGENCY_CODE_PATTERN, 'expected an agency code like "PTI"')
  .describe('Agency code, upper-cased when loaded: PTI, ANI, IANS, REUTERS, AP, AFP …');

/** A template key, or false for copy that carries no disclaimer (own-staff feeds). */
export const disclaimerChoice = z.union([z.string().regex(DISCLAIMER_KEY_PATTERN), z.literal(false)], {
  error: 'expected a disclaimer template key or false',
});

export const envName = z
  .string()
  .regex(ENV_NAME_PATTERN, 'expected an environment variable name like "PTI_TOKEN"');

const authSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('bearer'), tokenEnv: envName }),
      z.strictObject({ type: z.literal('basic'), usernameEnv: envName, passwordEnv: envName }),
      z.strictObject({
        type: z.literal('header'),
        name: z.string().regex(HEADER_NAME_PATTERN, 'expected an HTTP header name like "X-Api-Key"'),
        valueEnv: envName,
      }),
      z.strictObject({
        type: z.literal('query'),
        param: z.string().min(1, 'must not be empty'),
        valueEnv: envName,
      }),
    ],
    { error: 'expected type bearer, basic, header or query' },
  )
  .describe('Credentials, always read from environment variables named by the *Env keys');

export const feedSchema = z.strictObject({
  id: z
    .string()
    .regex(FEED_ID_PATTERN, 'expected 1-64 of a-z, 0-9, ".", "_", "-", starting with a letter or digit')
    .describe('Unique, stable id: it is part of every article id'),
  url: z
    .string()
    .refine(isFeedLocation, 'expected an http(s) URL or a file path')
    .describe('http(s) URL, or a file path relative to the config file'),
  agency: agencyCode.optional(),
  format: z.enum(FEED_FORMATS, { error: `expected one of ${FEED_FORMATS.join(', ')}` }).optional(),
  interval: duration()
    .refine((text) => (parseDuration(text) ?? 0) >= 1_000, 'must be at least 1s')
    .default('5m'),
  timezone: timezone().optional(),
  allowPrivateHosts: z
    .array(z.string().refine(isHostOrCidr, 'expected a host, IP address or CIDR like "10.0.0.0/8"'))
    .default([])
    .describe('Hosts or CIDRs exempt from the SSRF guard'),
  auth: authSchema.optional(),
  disclaimer: disclaimerChoice
    .optional()
    .describe("Template key or false; default: the agency's, else default"),
  maxBytes: z
    .union([z.number().int(SIZE_HINT).positive(SIZE_HINT), z.string().regex(SIZE_PATTERN, SIZE_HINT)], {
      error: SIZE_HINT,
    })
    .default('64MB'),
  cron: z
    .string()
    .regex(/^\S+(\s+\S+){4,5}$/, 'expected a cron pattern of 5 or 6 fields, like "*/5 * * * *"')
    .optional()
    .describe('Poll on this cron pattern (in the feed timezone) instead of every interval'),
  idleAlert: duration()
    .default('24h')
    .describe('Log feed.idle when nothing new arrived for this long; 0s turns it off'),
  maxAge: duration()
    .default('48h')
    .describe('Items older than this on a first poll (or after seen-state loss) are marked seen, not queued'),
  timeout: duration()
    .refine((text) => (parseDuration(text) ?? 0) > 0, 'must be longer than 0ms')
    .default('60s')
    .describe('Deadline for the whole request, body included'),
  enabled: z.boolean().default(true),
});

export type FeedFile = z.output<typeof feedSchema>;
export type AuthFile = z.output<typeof authSchema>;
