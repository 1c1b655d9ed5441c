/**
 * Bylines as agencies send them — "By JANE EXAMPLE Associated Press", "JANE ROE, AP Business
 * Writer", "Ravi Sample (PTI)" — reduced to the people: no "By", no agency credit or desk title,
 * and names in capitals set in title case (initials and mixed-case names are left alone). A byline
 * that is only an agency credit, "Agencies", a desk e-mail address or desk initials is no byline.
 */
import type { Agency } from '../model/article.js';
import { agencyFromCredit } from './agency.js';

/** Trailing job titles agencies append after the name. */
const TITLE =
  /,?\s*(?:(?:AP|Associated Press|Reuters|AFP|PTI|IANS|ANI)\s+)?(?:[A-Z][a-z]+\s+)?(?:Writer|Correspondent|Editor|Reporter)s?$/;
/** Trailing agency credits: "Associated Press", "(PTI)", ", Reuters". */
const CREDIT =
  /[,|/\s]*\(?(?:The\s+)?(?:Associated Press|Reuters|Agence France-Presse|AFP|AP|PTI|IANS|ANI|UNI)\)?$/;

/** Not a person: the generic credit Indian desks use, a desk mailbox, or a press-release wire. */
const NOBODY =
  /^(?:(?:news\s+)?agenc(?:y|ies)|wires?|\S+@\S+\.\S+|(?:globe|pr)\s?newswire|business\s?wire)$/i;
/** A desk's sign-off initials in lower case (APA's `cig`, EFE's and IANS's `daa/mt/msr`). */
const DESK_INITIALS = /^[a-z]{2,4}(?:\/[a-z]{2,4})*$/;

const AGENCY_CODE = /^\p{Lu}{2,5}$/u;

export function cleanByline(raw: string | null, agency: Agency | null): string | null {
  let text =
    raw
      ?.replace(/\s+/g, ' ')
      .trim()
      .replace(/^(?:written\s+)?by\b[:\s]*/i, '') ?? '';
  if (!text || NOBODY.test(text) || DESK_INITIALS.test(text)) return null;
  const credited = agencyFromCredit(text);
  if (
    credited &&
    (agency === null || credited.code === agency.code) &&
    text.length <= credited.name.length + 8
  ) {
    return null;
  }
  text = text
    .replace(TITLE, '')
    .replace(CREDIT, '')
    .replace(/[,;:|\s-]+$/, '');
  // What is left is one code in capitals (`NTB` of `NTB-Reuters`, `TT`): an agency, not a person;
  // or the "By" of "By Staff Reporter" once the desk title has gone.
  if (!text || AGENCY_CODE.test(text) || /^by$/i.test(text)) return null;
  return text.replace(/\p{Lu}[\p{Lu}'’-]*\p{Lu}/gu, titleCase);
}

/** A name in capitals: "EXAMPLE" → "Example"; "O'NEIL-SMITH" → "O'Neil-Smith". */
function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|['’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
