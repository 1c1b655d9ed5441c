import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/formats/detect.js';
import type { FormatHints } from '../../src/formats/index.js';
import { IngestError } from '../../src/model/index.js';

const none: FormatHints = { contentType: null, fileName: null, declared: null };

function failure(text: string, hints: FormatHints = none): string {
  try {
    detectFormat(text, hints);
  } catch (err) {
    if (err instanceof IngestError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('detectFormat', () => {
  it('detects RSS 2.0 from the <rss> root', () => {
    expect(detectFormat('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', none)).toBe('rss');
  });

  it('detects RSS 1.0 from the <rdf:RDF> root', () => {
    expect(detectFormat('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', none)).toBe(
      'rss',
    );
  });

  it('detects Atom from the <feed> root', () => {
    expect(detectFormat('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', none)).toBe('atom');
  });

  it('skips comments, processing instructions and a DOCTYPE before the root', () => {
    const text =
      '\uFEFF <?xml version="1.0"?><!-- c --><?xml-stylesheet href="s.xsl"?><!DOCTYPE rss [<!ENTITY a "b>">]><rss/>';
    expect(detectFormat(text, none)).toBe('rss');
  });

  it('lets the declared format win over sniffing', () => {
    expect(detectFormat('<rss/>', { ...none, declared: 'atom' })).toBe('atom');
  });

  it('rejects an HTML page as NOT_A_FEED', () => {
    expect(failure('<!DOCTYPE html><html><body>Login</body></html>')).toBe('NOT_A_FEED');
  });

  it('rejects an HTML page as NOT_A_FEED even when a format is declared', () => {
    expect(failure('<html><head></head></html>', { ...none, declared: 'rss' })).toBe('NOT_A_FEED');
  });

  it('takes an HTML DOCTYPE above a feed root for a template leftover: the root decides', () => {
    expect(
      detectFormat('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x"><rss/>', none),
    ).toBe('rss');
    expect(failure('<!DOCTYPE html><head><title>502</title></head>')).toBe('NOT_A_FEED');
    expect(failure('<!DOCTYPE html><widget/>')).toBe('NOT_A_FEED');
  });

  it('rejects an empty document as NOT_A_FEED', () => {
    expect(failure('  \n')).toBe('NOT_A_FEED');
  });

  it('reports JSON in no known format as FORMAT_UNSUPPORTED', () => {
    expect(failure('{"version":"2.0","entries":[]}')).toBe('FORMAT_UNSUPPORTED');
  });

  it('detects JSON Feed from its version URL', () => {
    expect(detectFormat('{"version":"https://jsonfeed.org/version/1.1","items":[]}', none)).toBe('jsonfeed');
  });

  it('reports an unknown XML root as FORMAT_UNSUPPORTED', () => {
    expect(failure('<kml xmlns="http://www.opengis.net/kml/2.2"/>')).toBe('FORMAT_UNSUPPORTED');
  });
});
