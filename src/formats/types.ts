/** The contract every feed format implements; adding a format is a folder plus one line in registry.ts. */
import type { FeedDraft, FeedFormat } from '../model/index.js';

export interface FormatHints {
  contentType: string | null;
  fileName: string | null;
  /** Format from feed config; wins over sniffing. */
  declared: FeedFormat | null;
}

/** The document's root element as sniffed from the text, before any parsing. */
export interface RootElement {
  /** As written, with its prefix: `rss`, `rdf:RDF`, `feed`. */
  name: string;
  /** Default namespace declared on the root, if any. */
  namespace: string | null;
}

/**
 * What detection learnt about a document before any format parsed it: an XML root element, or a
 * JSON value (parsed once, here, and handed to the JSON formats so they never parse it again).
 */
export type SniffedDocument = { kind: 'xml'; root: RootElement } | { kind: 'json'; value: unknown };

export interface FeedFormatModule {
  format: FeedFormat;
  /** True when the document is in this format. */
  sniff(document: SniffedDocument): boolean;
  /** Whole-document failures throw IngestError; a bad item becomes an `ok: false` result. */
  parse(text: string, document: SniffedDocument): FeedDraft;
}
