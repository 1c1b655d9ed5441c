/**
 * Deterministic benchmark inputs: the same seed always gives the same bytes, so every run of
 * `npm run bench` (and test/workers) measures the same documents. The copy is shaped like Indian
 * agency wires (PTI-style datelines and desk tags, `&rsquo;` and `&#8217;` in the body, Media RSS
 * images), in RSS 2.0, an IPTC NewsML-G2 newsMessage with NITF bodies, and Atom.
 */

/** mulberry32: a tiny seeded PRNG; Math.random would make runs incomparable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// biome-ignore format: word lists read better packed
const PLACES = ['New Delhi', 'Mumbai', 'Kolkata', 'Chennai', 'Bengaluru', 'Hyderabad', 'Lucknow', 'Patna',
  'Islamabad', 'Kathmandu', 'Colombo', 'Dhaka', 'Thiruvananthapuram', 'Srinagar', 'Guwahati', 'Jaipur'];
// biome-ignore format: as above
const SUBJECTS = ['The Union Cabinet', 'The Reserve Bank of India', 'Opposition leaders', 'State officials',
  'The Supreme Court', 'The Election Commission', 'Farmers&rsquo; groups', 'The finance ministry',
  'Police', 'The chief minister', 'Industry bodies', 'Railway authorities'];
// biome-ignore format: as above
const VERBS = ['said on Tuesday that', 'announced that', 'warned that', 'told reporters that',
  'confirmed that', 'indicated that', 'insisted that', 'stated in a release that'];
// biome-ignore format: as above
const CLAUSES = ['the new rules would take effect from next month', 'talks on trade &amp; energy would resume',
  'the monsoon had reached Kerala ahead of schedule', 'relief work was under way in the affected districts',
  'the country&#8217;s growth forecast remained unchanged', 'prices of pulses &amp; vegetables had eased',
  'a committee would review the &ldquo;pending&rdquo; applications', 'security had been stepped up at the border',
  'the budget allocation for health had risen by 12 per cent', 'the bill would be tabled in the monsoon session',
  'it was &quot;too early&quot; to comment on the findings', 'over 2,000 people had been evacuated'];
// biome-ignore format: as above
const TOPICS = ['National', 'World', 'Business', 'Politics', 'Economy', 'Sports', 'Legal', 'Weather',
  'Elections', 'Health', 'Defence', 'Agriculture'];
const DESKS = ['DEL', 'FGN', 'BOM', 'CAL', 'MDS', 'LGD', 'NAT', 'ECO'];
const INITIALS = ['ABC', 'DEF', 'SBP', 'GRS', 'RT', 'KJ', 'NSD', 'ZMN', 'AS', 'RHL'];
const REPORTERS = ['Shirish B Pradhan', 'Asha Menon', 'Ravi Sample', 'Kavita Rao', 'Imran Qureshi'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Story {
  n: number;
  code: string;
  headline: string;
  place: string;
  byline: string | null;
  /** HTML paragraphs (HTML entities allowed), dateline first, desk tag last. */
  paragraphs: string[];
  topics: string[];
  published: Date;
}

const BASE_TIME = Date.UTC(2024, 5, 1, 0, 0, 0);

function storyAt(n: number, random: () => number): Story {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const place = pick(PLACES);
  const published = new Date(BASE_TIME + n * 47_000);
  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(CLAUSES)}.`;
  const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 2) }, sentence).join(' ');
  const dateline = `${place}, ${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()} (PTI)`;
  const paragraphs = [`${dateline} ${paragraph()}`];
  for (let i = 0, count = 3 + Math.floor(random() * 4); i < count; i++) {
    const p = paragraph();
    const r = random();
    if (r < 0.15) paragraphs.push(`<strong>${p}</strong>`);
    else if (r < 0.25) paragraphs.push(`${p} <a href="/pti/related/${n}-${i}">Read more</a>`);
    else if (r < 0.3) paragraphs.push(`<span style="font-size:12px">${p}</span>`);
    else paragraphs.push(p);
  }
  paragraphs.push(`PTI ${pick(INITIALS)} ${pick(INITIALS)}`);
  const byline = random() < 0.2 ? pick(REPORTERS) : null;
  if (byline) paragraphs[0] = `By ${byline} ${paragraphs[0]}`;
  return {
    n,
    code: `${pick(DESKS)}${String(n).padStart(5, '0')}`,
    headline: `${pick(SUBJECTS).replace('The ', '')} ${pick(VERBS).split(' ')[0]} ${pick(CLAUSES).split(' ').slice(0, 6).join(' ')}`,
    place,
    byline,
    paragraphs,
    topics: [pick(TOPICS), pick(TOPICS)],
    published,
  };
}

function stories(count: number, seed: number): Story[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, n) => storyAt(n, random));
}

/** `Sat, 01 Jun 2024 05:30:00 +0530`: IST, as PTI sends it. */
function rfc822Ist(date: Date): string {
  const ist = new Date(date.getTime() + 5.5 * 3600_000);
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${DAYS[ist.getUTCDay()]}, ${pad(ist.getUTCDate())} ${MONTHS[ist.getUTCMonth()]} ${ist.getUTCFullYear()} ${pad(ist.getUTCHours())}:${pad(ist.getUTCMinutes())}:${pad(ist.getUTCSeconds())} +0530`;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const html = (s: Story) => s.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
/** XML has no `&rsquo;`: NewsML and Atom copy carries character references or the characters. */
const xmlSafe = (s: string) =>
  s
    .replace(/&rsquo;/g, '&#8217;')
    .replace(/&ldquo;/g, '&#8220;')
    .replace(/&rdquo;/g, '&#8221;');
const plain = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&(rsquo|#8217);/g, '’')
    .replace(/&ldquo;/g, '“')
    .replace(/&rdquo;/g, '”')
    .replace(/&quot;/g, '"');

function rssItem(s: Story): string {
  // Every other item escapes its HTML instead of wrapping it in CDATA: agencies do both.
  const body = s.n % 2 === 0 ? `<![CDATA[${html(s)}]]>` : escapeXml(html(s));
  const credit = s.n % 3 === 0 ? '\n      <dc:creator>PTI</dc:creator>' : '';
  return `    <item>
      <title>${s.place}: ${xmlSafe(s.headline)}</title>
      <link>https://wire.example.test/pti/${s.code}</link>
      <guid isPermaLink="false">${s.code}-20240601</guid>
      <pubDate>${rfc822Ist(s.published)}</pubDate>${credit}
      <category>${s.topics[0]}</category>
      <category domain="https://wire.example.test/topics">${s.topics[1]}</category>
      <description>${escapeXml(plain(s.paragraphs[1] ?? ''))}</description>
      <content:encoded>${body}</content:encoded>
      <media:content url="https://img.example.test/pti/${s.code}.jpg" medium="image" type="image/jpeg" width="1200" height="800">
        <media:description>${s.place}: a file photo &amp; a representational image.</media:description>
        <media:credit>PTI Photo</media:credit>
      </media:content>
    </item>
`;
}

/** RSS 2.0 with `count` items. */
export function generateRss(count: number, seed = 1): string {
  return rssDocument(rssItems(count, seed));
}

/** The `<item>` elements alone, for servers that slide a window over them (bench/polling.ts). */
export function rssItems(count: number, seed = 1): string[] {
  return stories(count, seed).map(rssItem);
}

/** An RSS feed of at least `bytes` bytes (test/workers uses ~50 MB). */
export function generateRssOfSize(bytes: number, seed = 1): string {
  const random = seededRandom(seed);
  const items: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const item = rssItem(storyAt(n, random));
    items.push(item);
    size += Buffer.byteLength(item);
  }
  return rssDocument(items);
}

export function rssDocument(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>PTI - National</title>
    <link>https://wire.example.test/pti/national</link>
    <description>Synthetic PTI-shaped copy for wirefeed's benchmark.</description>
    <language>en-in</language>
${items.join('')}  </channel>
</rss>
`;
}

function g2Item(s: Story): string {
  const iso = s.published.toISOString().replace('.000', '');
  const by = s.byline ? `\n        <by>${s.byline}</by>` : '';
  const paragraphs = s.paragraphs
    .map((p) => `                <p>${xmlSafe(p.replace(/<[^>]*>/g, ''))}</p>`)
    .join('\n');
  return `    <newsItem guid="urn:newsml:wire.example.test:20240601:${s.code}" version="${1 + (s.n % 3)}" standard="NewsML-G2" standardversion="2.31" xml:lang="en">
      <rightsInfo><copyrightHolder literal="Press Trust of India"/></rightsInfo>
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider qcode="nprov:PTI"/>
        <versionCreated>${iso}</versionCreated>
        <firstCreated>${iso}</firstCreated>
        <pubStatus qcode="stat:usable"/>
      </itemMeta>
      <contentMeta>
        <urgency>${1 + (s.n % 8)}</urgency>
        <subject qcode="medtop:20000344"><name>${s.topics[0]}</name></subject>
        <headline>${xmlSafe(s.headline)}</headline>
        <slugline>INDIA-${s.code}</slugline>
        <dateline>${s.place.toUpperCase()}, ${MONTHS[s.published.getUTCMonth()]} ${s.published.getUTCDate()}</dateline>
        <located><name>${s.place}</name></located>${by}
        <language tag="en-IN"/>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/nitf+xml">
          <nitf>
            <body>
              <body.content>
${paragraphs}
              </body.content>
            </body>
          </nitf>
        </inlineXML>
      </contentSet>
    </newsItem>
`;
}

/** One NewsML-G2 newsMessage carrying `count` newsItems with NITF inlineXML bodies. */
export function generateNewsMl(count: number, seed = 2): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header>
    <sent>2024-06-01T12:00:00Z</sent>
    <sender>wire.example.test</sender>
    <transmitId>PTI-20240601-0001</transmitId>
  </header>
  <itemSet>
${stories(count, seed).map(g2Item).join('')}  </itemSet>
</newsMessage>
`;
}

function atomEntry(s: Story): string {
  const iso = s.published.toISOString().replace('.000', '');
  return `  <entry>
    <title>${xmlSafe(s.headline)}</title>
    <link href="https://wire.example.test/pti/${s.code}"/>
    <id>tag:wire.example.test,2024:${s.code}</id>
    <published>${iso}</published>
    <updated>${iso}</updated>
    <author><name>${s.byline ?? 'PTI'}</name></author>
    <category term="${s.topics[0]}"/>
    <summary>${escapeXml(plain(s.paragraphs[1] ?? ''))}</summary>
    <content type="html">${escapeXml(html(s))}</content>
  </entry>
`;
}

/** Atom 1.0 with `count` entries whose content is escaped HTML. */
export function generateAtom(count: number, seed = 3): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>PTI - National</title>
  <link href="https://wire.example.test/pti/national"/>
  <id>tag:wire.example.test,2024:pti-national</id>
  <updated>2024-06-01T12:00:00Z</updated>
${stories(count, seed).map(atomEntry).join('')}</feed>
`;
}
