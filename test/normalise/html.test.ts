import { describe, expect, it } from 'vitest';
import {
  ensureParagraphs,
  escapeHtml,
  htmlToText,
  sanitiseHtml,
  textToHtml,
} from '../../src/normalise/html.js';

const BASE = 'https://wire.example.test/pti/world/';

describe('sanitiseHtml', () => {
  it('keeps allowed structure', () => {
    const html =
      '<h2>H</h2><p>a <strong>b</strong> <em>c</em></p><ul><li>x</li></ul><blockquote>q</blockquote>';
    expect(sanitiseHtml(html, null)).toBe(html);
  });

  it('drops script and style together with their text', () => {
    expect(sanitiseHtml("<p>ok<script>alert('x')</script><style>p{}</style></p>", null)).toBe('<p>ok</p>');
  });

  it.each(['iframe', 'object', 'svg', 'math', 'form', 'noscript', 'template'])(
    'drops <%s> with everything inside it',
    (tag) => {
      expect(sanitiseHtml(`<p>ok</p><${tag}><p>hidden</p>text</${tag}>`, null)).toBe('<p>ok</p>');
    },
  );

  it('drops embed elements', () => {
    expect(sanitiseHtml('<p>ok<embed src="https://x.test/a.swf"></p>', null)).toBe('<p>ok</p>');
  });

  it('removes on* event handler attributes', () => {
    expect(
      sanitiseHtml('<img src="https://x.test/a.jpg" onerror="alert(1)"><p onclick="x()">t</p>', null),
    ).toBe('<img src="https://x.test/a.jpg" /><p>t</p>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
  ])('removes a %s link target', (href) => {
    expect(sanitiseHtml(`<a href="${href}">x</a>`, BASE)).toBe('<a>x</a>');
  });

  it('keeps http, https and mailto links', () => {
    const html =
      '<a href="http://a.test/">a</a><a href="https://b.test/">b</a><a href="mailto:desk@x.test">c</a>';
    expect(sanitiseHtml(html, null)).toBe(html);
  });

  it('resolves relative href and src against the base URL', () => {
    expect(sanitiseHtml('<a href="../FGN1">x</a><img src="img/a.jpg" alt="A">', BASE)).toBe(
      '<a href="https://wire.example.test/pti/FGN1">x</a><img src="https://wire.example.test/pti/world/img/a.jpg" alt="A" />',
    );
  });

  it('drops a relative URL when there is no base, and the image it belonged to', () => {
    expect(sanitiseHtml('<p><a href="/x">x</a><img src="x.jpg"></p>', null)).toBe('<p><a>x</a></p>');
  });

  it('gives protocol-relative URLs https', () => {
    expect(sanitiseHtml('<img src="//cdn.test/a.jpg">', null)).toBe('<img src="https://cdn.test/a.jpg" />');
  });

  it('drops target so links cannot open windows with an opener', () => {
    expect(sanitiseHtml('<a href="https://x.test/" target="_blank">x</a>', null)).toBe(
      '<a href="https://x.test/">x</a>',
    );
  });

  it('unwraps span, turns div into p and h1 into h2', () => {
    expect(sanitiseHtml('<h1>H</h1><div><span style="color:red">t</span></div>', null)).toBe(
      '<h2>H</h2><p>t</p>',
    );
  });

  it('drops non-numeric image dimensions', () => {
    expect(sanitiseHtml('<img src="https://x.test/a.jpg" width="100" height="auto">', null)).toBe(
      '<img src="https://x.test/a.jpg" width="100" />',
    );
  });

  it('drops paragraphs left empty by filtering', () => {
    expect(sanitiseHtml('<p>a</p><p><script>x</script></p>', null)).toBe('<p>a</p>');
  });

  it('drops divs emptied by filtering too, but keeps a paragraph holding only a picture or a rule', () => {
    expect(sanitiseHtml('<div><script>x</script></div><div>&nbsp;<br></div><p>a</p>', null)).toBe('<p>a</p>');
    expect(
      sanitiseHtml('<p><strong><img src="https://x.test/a.jpg"></strong></p><div><hr></div>', null),
    ).toBe('<p><strong><img src="https://x.test/a.jpg" /></strong></p><p><hr /></p>');
  });

  it('closes what the copy left open, and drops stray closing tags', () => {
    expect(sanitiseHtml('<p>a <b>b</figure> c', null)).toBe('<p>a <b>b c</b></p>');
  });

  it('escapes text and attribute values it writes back', () => {
    expect(
      sanitiseHtml(
        '<p title="x">1 &lt; 2 &amp;&amp; "q"</p><img src="https://x.test/a.jpg" alt="a &quot;b&quot; <c>">',
        null,
      ),
    ).toBe(
      '<p>1 &lt; 2 &amp;&amp; "q"</p><img src="https://x.test/a.jpg" alt="a &quot;b&quot; &lt;c&gt;" />',
    );
  });

  it('decodes named entities to characters', () => {
    expect(sanitiseHtml('<p>Pakistan&rsquo;s &amp; India&#39;s</p>', null)).toBe(
      "<p>Pakistan’s &amp; India's</p>",
    );
  });

  it('decodes copy escaped twice once more, leaving a bare ampersand and unknown names alone', () => {
    expect(
      sanitiseHtml('<p>4 o&amp;#39;clock, &amp;quot;Alko&amp;#8217;s&amp;quot; &amp; AT&amp;T</p>', null),
    ).toBe('<p>4 o\'clock, "Alko’s" &amp; AT&amp;T</p>');
    expect(sanitiseHtml('<p>&amp;notareference; &amp;#xZZ;</p>', null)).toBe(
      '<p>&amp;notareference; &amp;#xZZ;</p>',
    );
  });
});

describe('htmlToText', () => {
  it('separates block elements with a blank line', () => {
    expect(htmlToText('<p>One.</p><p>Two.</p><h2>Three</h2>')).toBe('One.\n\nTwo.\n\nThree');
  });

  it('turns <br> into a newline and <br><br> into a paragraph break', () => {
    expect(htmlToText('a<br>b<br/><br>c')).toBe('a\nb\n\nc');
  });

  it('collapses whitespace and decodes entities', () => {
    expect(htmlToText('<p>  Pakistan&rsquo;s\n   government &amp;&nbsp;army </p>')).toBe(
      'Pakistan’s government & army',
    );
  });

  it('puts list items on their own lines', () => {
    expect(htmlToText('<p>List:</p><ul><li>a</li><li>b</li></ul>')).toBe('List:\n\na\nb');
  });

  it('keeps whitespace inside pre', () => {
    expect(htmlToText('<pre>a  b\n c</pre>')).toBe('a  b\n c');
  });

  it('ignores script content', () => {
    expect(htmlToText('<p>a</p><script>var x = 1;</script>')).toBe('a');
  });

  it('keeps words apart across inline tags', () => {
    expect(htmlToText('<p>a <b>b</b> <i>c</i></p>')).toBe('a b c');
  });

  it('returns an empty string for empty input', () => {
    expect(htmlToText('')).toBe('');
  });
});

describe('escapeHtml and textToHtml', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('makes paragraphs from blank lines and <br> from single newlines', () => {
    expect(textToHtml('One\nline two\n\n\nThree & four\n')).toBe(
      '<p>One<br>line two</p><p>Three &amp; four</p>',
    );
  });
});

describe('ensureParagraphs', () => {
  it('wraps bare text and inline markup in paragraphs', () => {
    expect(ensureParagraphs('Colombo, Jun 6 (PTI) Rates held. <strong>More</strong>')).toBe(
      '<p>Colombo, Jun 6 (PTI) Rates held. <strong>More</strong></p>',
    );
  });

  it('splits paragraphs on blank lines and double line breaks', () => {
    expect(ensureParagraphs('One.\n\nTwo.<br /><br />Three.')).toBe(
      '<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>',
    );
  });

  it('leaves block-structured HTML alone', () => {
    expect(ensureParagraphs('<p>One.</p>')).toBe('<p>One.</p>');
  });
});

describe('sanitiseHtml with allowlisted iframe hosts', () => {
  const embed =
    '<p>Watch:</p><iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" onload="x()"></iframe>';

  it('drops every iframe, and its content, when no host is allowlisted', () => {
    expect(sanitiseHtml(`${embed}<iframe src="https://evil.example/x">fallback</iframe>`, BASE)).toBe(
      '<p>Watch:</p>',
    );
  });

  it('keeps an https embed from an allowlisted host, without event handlers', () => {
    expect(sanitiseHtml(embed, BASE, ['www.youtube.com'])).toBe(
      '<p>Watch:</p><iframe src="https://www.youtube.com/embed/abc123" width="560" height="315"></iframe>',
    );
  });

  it('drops embeds from other hosts, over http, or with javascript: sources', () => {
    const hosts = ['www.youtube.com'];
    expect(sanitiseHtml('<iframe src="https://evil.example/embed"></iframe>', BASE, hosts)).toBe('');
    expect(sanitiseHtml('<iframe src="http://www.youtube.com/embed/x"></iframe>', BASE, hosts)).toBe('');
    expect(sanitiseHtml('<iframe src="javascript:alert(1)"></iframe>', BASE, hosts)).toBe('');
  });
});
