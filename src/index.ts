/**
 * The library surface, for services that consume wirefeed's queue:
 * `import type { PublishJob, Article } from 'wirefeed'`.
 */

export { IngestError } from './model/errors.js';
export type * from './model/index.js';
export { jobId } from './publish/job.js';
export { toNinjs } from './publish/ninjs.js';
