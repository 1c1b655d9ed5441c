/**
 * Which format a document is, from its root element. HTML is never a feed (a login page or an
 * error page served with 200), even when the feed's config declares a format.
 */
import { type FeedFormat, IngestError } from '../model/index.js';
import { readProlog, rootNamespace } from './prolog.js';
import { FORMAT_MODULES } from './registry.js';
import type { FormatHints } from './types.js';

export function detectFormat(text: string, hints: FormatHints): FeedFormat {
  const prolog = readProlog(text);
  const rootName = prolog.rootName;
  if (isHtml(rootName, prolog.doctype?.name ?? null)) {
    throw new IngestError('NOT_A_FEED', 'document is an HTML page, not a feed');
  }
  if (hints.declared !== null) return hints.declared;
  if (text.trim() === '') throw new IngestError('NOT_A_FEED', 'document is empty');
  if (rootName === null) {
    throw new IngestError('FORMAT_UNSUPPORTED', `document is not XML (${describe(hints)})`);
  }
  const root = { name: rootName, namespace: rootNamespace(text, prolog) };
  const found = FORMAT_MODULES.find((m) => m.sniff(root));
  if (found === undefined) {
    throw new IngestError(
      'FORMAT_UNSUPPORTED',
      `unsupported root element <${rootName}> (${describe(hints)})`,
    );
  }
  return found.format;
}

function isHtml(rootName: string | null, doctypeName: string | null): boolean {
  return rootName?.toLowerCase() === 'html' || doctypeName?.toLowerCase() === 'html';
}

function describe(hints: FormatHints): string {
  return `content type ${hints.contentType ?? 'unknown'}, file ${hints.fileName ?? 'none'}`;
}
