import { describe, expect, it } from 'vitest';
import { checkWellFormed, MAX_DEPTH } from '../../src/formats/well-formed.js';

describe('checkWellFormed', () => {
  it.each([
    [
      'a declaration, comments and whitespace around the root',
      '<?xml version="1.0"?>\n<!-- c --><a>1</a>\n<!-- end -->\n',
    ],
    ['boolean and quoted attributes', `<a x="1" y z='2'>t</a>`],
    ['a value that looks like another attribute', '<a u="?w=1&amp;w=2" w="3"/>'],
    ['CDATA, comments and PIs inside', '<a><![CDATA[<b>]]><!-- <c> --><?pi x?><b/></a>'],
    ['a DOCTYPE out of place', '<a><!DOCTYPE a [<!ENTITY e "x">]><b>&e;</b></a>'],
    ['non-ASCII names and < in attribute values', '<é:x a="<b>">t</é:x>'],
  ])('accepts %s', (_, xml) => {
    expect(checkWellFormed(xml)).toBeNull();
  });

  it.each([
    ['an empty document', '', 'no XML element found'],
    ['text with no element', 'hello', 'no XML element found'],
    ['text before the root', 'x<a/>', 'text before the root element'],
    ['text after the root', '<a/>junk', 'text after the root element'],
    ['two roots', '<a/><b/>', 'more than one root element'],
    ['an unclosed root', '<rss><channel></channel>', '<rss> is never closed'],
    ['mismatched tags', '<a>\n  <b>\n</a>', 'expected </b> (opened at line 2, column 3), found </a>'],
    ['a stray end tag', '<a></a></b>', 'end tag </b> without a start tag'],
    ['an unquoted attribute', '<rss version=2.0></rss>', 'malformed markup "<rss version=2.0></rss>"'],
    ['a repeated attribute', '<a x="1" x="2"/>', "attribute 'x' repeated in <a>"],
    ['an unclosed comment', '<a><!-- x </a>', 'unclosed comment'],
    ['an unclosed CDATA section', '<a><![CDATA[ x </a>', 'unclosed CDATA section'],
    ['a truncated end tag', '<a><b>x</b', 'malformed end tag'],
  ])('rejects %s', (_, xml, message) => {
    expect(checkWellFormed(xml)?.message).toBe(message);
  });

  it('reports where the problem is, 1-based', () => {
    expect(checkWellFormed('<a>\n<b>\n</c></a>')).toEqual({
      message: 'expected </b> (opened at line 2, column 1), found </c>',
      line: 3,
      column: 1,
    });
  });

  it(`rejects nesting deeper than ${MAX_DEPTH} and accepts it up to there`, () => {
    const nested = (depth: number) => `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`;
    expect(checkWellFormed(nested(MAX_DEPTH))).toBeNull();
    expect(checkWellFormed(nested(MAX_DEPTH + 1))?.message).toBe(
      `elements nested more than ${MAX_DEPTH} deep`,
    );
  });
});
