import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLAIMER, feedSettings, loadConfig } from '../../src/config/index.js';
import { writeTempConfig } from './temp-config.js';

const config = loadConfig({
  env: {},
  file: writeTempConfig(`
publisher:
  name: Mid-day
  disclaimers: { withInputs: "With inputs from {agencyName}" }
timezone: Asia/Kolkata
agencies:
  IANS: { name: Indo-Asian News Service, disclaimer: withInputs }
  ANI: { disclaimer: false }
feeds:
  - { id: pti, url: "https://u:p@wire.example/pti/feed.xml?token=t#x", agency: PTI, format: rss }
  - { id: ians, url: "https://wire.example/ians.xml", agency: IANS, timezone: UTC }
  - { id: ians-own, url: "https://wire.example/ians2.xml", agency: IANS, disclaimer: default }
  - { id: ani, url: "https://wire.example/ani.xml", agency: ANI }
  - { id: desk, url: ./desk.xml, disclaimer: false }
`),
});

function settings(id: string) {
  const feed = config.feeds.find((candidate) => candidate.id === id);
  if (feed === undefined) throw new Error(`no feed ${id}`);
  return feedSettings(config, feed);
}

describe('feedSettings', () => {
  it('uses the default disclaimer when neither feed nor agency chooses one', () => {
    expect(settings('pti')).toEqual({
      id: 'pti',
      agency: 'PTI',
      format: 'rss',
      timezone: 'Asia/Kolkata',
      baseUrl: 'https://wire.example/pti/feed.xml',
      disclaimer: { key: 'default', template: DEFAULT_DISCLAIMER },
      publisherName: 'Mid-day',
      allowIframesFrom: [],
    });
  });

  it("uses the agency's disclaimer tier", () => {
    expect(settings('ians').disclaimer).toEqual({
      key: 'withInputs',
      template: 'With inputs from {agencyName}',
    });
    expect(settings('ians').timezone).toBe('UTC');
  });

  it("lets the feed's own choice win over the agency's", () => {
    expect(settings('ians-own').disclaimer?.key).toBe('default');
  });

  it('gives no disclaimer when the agency or the feed says false', () => {
    expect(settings('ani').disclaimer).toBeNull();
    expect(settings('desk').disclaimer).toBeNull();
  });

  it('has no base URL for file feeds', () => {
    expect(settings('desk').baseUrl).toBeNull();
  });
});
