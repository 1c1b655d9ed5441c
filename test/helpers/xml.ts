/** The IngestError a document fails with; throws when it unexpectedly parses. */
import { parseXml } from '../../src/formats/xml.js';
import { IngestError } from '../../src/model/index.js';

export function malformed(xml: string): IngestError {
  try {
    parseXml(xml);
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error('expected parseXml to throw');
}
