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

export interface FeedFormatModule {
  format: FeedFormat;
  /** True when a document with this root element is in this format. */
  sniff(root: RootElement): boolean;
  /** Whole-document failures throw IngestError; a bad item becomes an `ok: false` result. */
  parse(text: string): FeedDraft;
}
