/**
 * Desk tags: the sign-off agencies append for their own desks (`PTI ABC DEF`, `PTI SBP GRS`,
 * `(ANI)`, `--IANS` with `sbp/arm`), which publishers strip. Only whole trailing blocks that are
 * nothing but such a tag are removed; a tag inside a sentence, or a body that is only a tag, stays.
 */

const AGENCY = '(?:PTI|ANI|IANS|UNI)';
/** `PTI ABC DEF`, `(ANI)`, `PTI`, `--IANS`, `--IANS sbp/arm`. */
const DESK_TAG = new RegExp(
  `^(?:\\(?${AGENCY}\\)?(?: [A-Z]{2,4}){0,6}|-{1,2} ?${AGENCY}(?: [a-z]{2,4}(?:/[a-z]{2,4})*)?)$`,
);
/** A letter or digit outside any tag: what is left is more than markup. */
const TEXT_WITH_WORD = /(?:^|>)[^<]*[\p{L}\p{N}]/u;
/** IANS puts the desk initials on their own line after `--IANS`. */
const INITIALS = /^[a-z]{2,4}(?:\/[a-z]{2,4})+$/;

export function stripDeskTags(html: string): string {
  let body = html.trimEnd();
  for (let pass = 0; pass < 3; pass++) {
    const block = lastBlock(body);
    if (block === null) break;
    // The block before is read only for bare initials: every body ends in a block, most in no tag.
    const isTag =
      DESK_TAG.test(block.text) ||
      (INITIALS.test(block.text) &&
        DESK_TAG.test(lastBlock(body.slice(0, block.start).trimEnd())?.text ?? ''));
    if (!isTag) break;
    const rest = trimTrailingBreaks(body.slice(0, block.start));
    if (!TEXT_WITH_WORD.test(rest)) break;
    body = rest;
  }
  return body === html.trimEnd() ? html : body;
}

interface Block {
  start: number;
  text: string;
}

/** The last `<p>…</p>`, or the text after the last `<br>`, closing tag or newline. */
function lastBlock(html: string): Block | null {
  if (html.endsWith('</p>')) {
    let open = html.lastIndexOf('<p', html.length - 4);
    while (open >= 0 && !/[\s>]/.test(html.charAt(open + 2))) open = html.lastIndexOf('<p', open - 1);
    if (open < 0) return null;
    return { start: open, text: tagText(html.slice(open, html.length)) };
  }
  const start = Math.max(
    html.lastIndexOf('<br'),
    html.lastIndexOf('\n') + 1,
    closeEnd(html, '</p>'),
    closeEnd(html, '</div>'),
  );
  return start <= 0 ? null : { start, text: tagText(html.slice(start)) };
}

/**
 * A desk tag is a few dozen characters even wrapped in markup; a longer block is story text, whose
 * reading (three passes over the last paragraph of every body) can be skipped.
 */
const LONGEST_TAG_BLOCK = 400;

function tagText(block: string): string {
  return block.length > LONGEST_TAG_BLOCK ? '' : textOf(block);
}

function closeEnd(html: string, tag: string): number {
  const i = html.lastIndexOf(tag);
  return i < 0 ? -1 : i + tag.length;
}

function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function trimTrailingBreaks(html: string): string {
  let out = html.trimEnd();
  for (let m = /<br\s*\/?>$/i.exec(out); m !== null; m = /<br\s*\/?>$/i.exec(out)) {
    out = out.slice(0, m.index).trimEnd();
  }
  return out;
}
