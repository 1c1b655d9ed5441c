/**
 * NewsML 1.2 `Identification` and `NewsManagement`: identity, revision, dates, status, urgency and
 * instructions. Element semantics: NewsML 1.2 specification §"NewsManagement".
 */
import type { ArticleStatus, ItemDraft } from '../../model/index.js';
import { attr, childText, first, nodes, type XmlNode } from '../node.js';

/**
 * The item's identity across revisions. `PublicIdentifier` is
 * `urn:newsml:ProviderId:DateId:NewsItemId:RevisionId[Update]`, so the revision suffix is cut off
 * (it goes to sourceVersion); without it the URN is built from its parts.
 */
export function identityOf(item: XmlNode): string | null {
  const id = first(first(item, 'Identification'), 'NewsIdentifier');
  const urn = childText(id, 'PublicIdentifier');
  if (urn !== null) return /^(urn:newsml:[^:]+:[^:]+:.+):\d+[A-Z]?$/i.exec(urn)?.[1] ?? urn;
  const [provider, date, itemId] = ['ProviderId', 'DateId', 'NewsItemId'].map((n) => childText(id, n));
  if (provider && date && itemId) return `urn:newsml:${provider}:${date}:${itemId}`;
  return itemId ?? attr(item, 'Duid');
}

/** `ProviderId` is the provider's domain (`afp.com`): its first label names the agency ("AFP"). */
export function providerIdCredit(item: XmlNode): string | null {
  const provider = childText(first(first(item, 'Identification'), 'NewsIdentifier'), 'ProviderId');
  const label = provider === null ? null : /^(?:www\.)?([a-z0-9-]+)\./i.exec(provider)?.[1];
  return label ? label.toUpperCase() : null;
}

export function revisionOf(item: XmlNode): string | null {
  return childText(first(first(item, 'Identification'), 'NewsIdentifier'), 'RevisionId');
}

type Management = Pick<
  ItemDraft,
  'published' | 'updated' | 'status' | 'embargoedUntil' | 'priority' | 'signals'
>;

export function managementOf(item: XmlNode, envelopePriority: string | null): Management {
  const management = first(item, 'NewsManagement');
  const signals = nodes(management, 'Instruction')
    .map((i) => attr(i, 'FormalName'))
    .filter((name): name is string => name !== null)
    .map(signalOf);
  const future = first(management, 'StatusWillChange');
  const willBeUsable = attr(first(future, 'FutureStatus'), 'FormalName')?.toLowerCase() === 'usable';
  const embargoedUntil = willBeUsable ? childText(future, 'DateAndTime') : null;
  return {
    published: childText(management, 'FirstCreated'),
    updated: childText(management, 'ThisRevisionCreated'),
    status: statusOf(attr(first(management, 'Status'), 'FormalName'), embargoedUntil, signals),
    embargoedUntil,
    // AFP's 1–4 scale, not IPTC's 1–9: it goes to priority so the normaliser maps it per agency.
    priority: attr(first(management, 'Urgency'), 'FormalName') ?? envelopePriority,
    signals: [...new Set(signals)],
  };
}

const STATUSES: Readonly<Record<string, ArticleStatus>> = {
  usable: 'usable',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
};

/**
 * `Embargoed` is a NewsML 1 status of its own: usable once `StatusWillChange` says when, withheld
 * while no time is given. A kill instruction takes a story down whatever the status says.
 */
function statusOf(
  raw: string | null,
  embargoedUntil: string | null,
  signals: string[],
): ArticleStatus | null {
  if (signals.includes('kill')) return 'canceled';
  const status = raw?.toLowerCase() ?? '';
  if (status === 'embargoed') return embargoedUntil === null ? 'withheld' : 'usable';
  return STATUSES[status] ?? null;
}

/** Instruction names agencies use, onto the draft's signal words; others pass through lower-cased. */
const SIGNALS: Readonly<Record<string, string>> = {
  rectify: 'correction',
  correct: 'correction',
  corrected: 'correction',
  correction: 'correction',
  update: 'update',
  updated: 'update',
  replace: 'update',
  kill: 'kill',
  delete: 'kill',
  withdraw: 'kill',
  cancel: 'kill',
};

function signalOf(name: string): string {
  const key = name.toLowerCase();
  return SIGNALS[key] ?? key;
}
