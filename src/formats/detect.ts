/**
 * Which format a document is, from its root element. HTML is never a feed (a login page or an
 * error page served with 200), even when the feed's config declares a format.
 */
import { type FeedFormat, IngestError } from '../model/index.js';
import { readProlog, rootNamespace } from './prolog.js';
import { FORMAT_MODULES } from './registry.js';
import type { FormatHints, SniffedDocument } from './types.js';

export interface Detected {
  format: FeedFormat;
  document: SniffedDocument;
}

export function detectFormat(text: string, hints: FormatHints): FeedFormat {
  return detect(text, hints).format;
}

/** The format and what sniffing learnt, so the parser does not read the document twice. */
export function detect(text: string, hints: FormatHints): Detected {
  const { document, htmlDoctype } = sniffDocument(text, hints);
  if (hints.declared !== null) return { format: hints.declared, document };
  const found = FORMAT_MODULES.find((m) => m.sniff(document));
  if (found === undefined) {
    if (htmlDoctype) {
      throw new IngestError('NOT_A_FEED', 'document is an HTML page, not a feed');
    }
    const what = document.kind === 'xml' ? `root element <${document.root.name}>` : 'JSON document';
    throw new IngestError('FORMAT_UNSUPPORTED', `unsupported ${what} (${describe(hints)})`);
  }
  return { format: found.format, document };
}

function sniffDocument(
  text: string,
  hints: FormatHints,
): { document: SniffedDocument; htmlDoctype: boolean } {
  const start = text.trimStart();
  if (start === '') throw new IngestError('NOT_A_FEED', 'document is empty');
  if (start.startsWith('{') || start.startsWith('[')) {
    return { document: { kind: 'json', value: parseJson(start) }, htmlDoctype: false };
  }
  const prolog = readProlog(text);
  const rootName = prolog.rootName;
  if (isHtmlRoot(rootName)) throw new IngestError('NOT_A_FEED', 'document is an HTML page, not a feed');
  if (rootName === null) {
    throw new IngestError('FORMAT_UNSUPPORTED', `document is neither XML nor JSON (${describe(hints)})`);
  }
  // An HTML DOCTYPE above a feed root is a CMS template's leftover: the root decides.
  const htmlDoctype = prolog.doctype?.name.toLowerCase() === 'html';
  const document: SniffedDocument = {
    kind: 'xml',
    root: { name: rootName, namespace: rootNamespace(text, prolog) },
  };
  return { document, htmlDoctype };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new IngestError('PARSE_MALFORMED', `invalid JSON: ${(err as Error).message}`, { cause: err });
  }
}

/** An HTML page, or a fragment of one (a proxy's error page often starts at `<head>` or `<body>`). */
function isHtmlRoot(rootName: string | null): boolean {
  const name = rootName?.toLowerCase();
  return name === 'html' || name === 'head' || name === 'body';
}

function describe(hints: FormatHints): string {
  return `content type ${hints.contentType ?? 'unknown'}, file ${hints.fileName ?? 'none'}`;
}
