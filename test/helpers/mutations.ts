/** Random damage to a feed's bytes, for property tests: truncation, byte flips, tag deletion, duplicated fragments. */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'deleteTag'; nth: number }
  | { kind: 'duplicate'; at: number; length: number; to: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('deleteTag' as const), nth: fc.nat() }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.nat({ max: 400 }),
    to: fc.nat(),
  }),
);

export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = Math.max(bytes.length, 1);
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, m.at % n);
    case 'flip': {
      const out = bytes.slice();
      out[m.at % n] = m.byte;
      return out;
    }
    case 'deleteTag': {
      const tags = [...new TextDecoder('latin1').decode(bytes).matchAll(/<[^<>]*>/g)];
      const tag = tags[m.nth % Math.max(tags.length, 1)];
      if (tag === undefined) return bytes;
      return new Uint8Array([...bytes.subarray(0, tag.index), ...bytes.subarray(tag.index + tag[0].length)]);
    }
    case 'duplicate': {
      const start = m.at % n;
      const fragment = bytes.subarray(start, start + m.length);
      const to = m.to % n;
      return new Uint8Array([...bytes.subarray(0, to), ...fragment, ...bytes.subarray(to)]);
    }
  }
}
