export type * from './article.js';
export type * from './draft.js';
export { emptyDraft, itemsOnlyFeed } from './draft.js';
export type { ErrorCode, Stage } from './errors.js';
export { ERROR_CODES, IngestError, toIngestError } from './errors.js';
export type * from './feed.js';
export { FEED_FORMATS } from './feed.js';
export type * from './poll.js';
