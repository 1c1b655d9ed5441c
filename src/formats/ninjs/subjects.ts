/**
 * ninjs subjects → DraftSubject. 1.x `subject[]` is `{ name, code, scheme, rel }` (AP adds
 * `creator`, `rels`); 2.x and 3.x `subjects[]` are `{ name, uri, literal, rel }`.
 */
import type { DraftSubject } from '../../model/index.js';
import { type JsonObject, jsonObjects, jsonText, textField } from '../json.js';
import { collapseWhitespace, isHttpUrl } from '../text.js';
import { uniqueBy } from '../unique.js';

const IPTC = 'http://cv.iptc.org/newscodes/';

/**
 * IPTC vocabularies by the names and qcode prefixes producers use for them
 * (https://cv.iptc.org/newscodes/ lists `subj:` for subject codes and `medtop:` for media topics).
 */
const IPTC_SCHEMES: Readonly<Record<string, string>> = {
  subj: 'subjectcode',
  subject: 'subjectcode',
  subjectcode: 'subjectcode',
  'iptc-subjectcode': 'subjectcode',
  'iptc subject code': 'subjectcode',
  medtop: 'mediatopic',
  mediatopic: 'mediatopic',
  'iptc-mediatopic': 'mediatopic',
};

export function subjectsOf(item: JsonObject): DraftSubject[] {
  const list = [...jsonObjects(item.subjects), ...jsonObjects(item.subject)];
  const subjects = list.flatMap((s): DraftSubject[] => {
    const code = textField(s, 'code', 'literal', 'qcode');
    const name = collapseWhitespace(textField(s, 'name') ?? code);
    return name === null ? [] : [{ name, uri: subjectUri(s, code) }];
  });
  return uniqueBy(subjects, (s) => `${s.name.toLowerCase()}\n${s.uri ?? ''}`);
}

/**
 * `uri` when it is a URL; a qcode (`medtop:20000763`) or a code in a known IPTC scheme becomes the
 * concept URI. A scheme that is itself a vocabulary URL ending in `/` or `#` (AP's
 * `http://cv.ap.org/id/`) is joined with the code, as Atom `scheme`+`term` are.
 */
function subjectUri(subject: JsonObject, code: string | null): string | null {
  const uri = jsonText(subject.uri);
  if (isHttpUrl(uri)) return uri;
  const qcode = qcodeUri(uri) ?? qcodeUri(code);
  if (qcode !== null) return qcode;
  const scheme = jsonText(subject.scheme);
  if (code === null || scheme === null) return null;
  if (/^https?:\/\//i.test(scheme)) {
    const iptc = /^https?:\/\/cv\.iptc\.org\/newscodes\/([a-z]+)\/?$/i.exec(scheme)?.[1];
    if (iptc !== undefined) return `${IPTC}${iptc.toLowerCase()}/${code}`;
    return /[/#]$/.test(scheme) ? scheme + code : null;
  }
  const vocabulary = IPTC_SCHEMES[scheme.toLowerCase()];
  return vocabulary === undefined ? null : `${IPTC}${vocabulary}/${code}`;
}

function qcodeUri(value: string | null): string | null {
  const match = value === null ? null : /^([a-z-]+):(\w+)$/i.exec(value);
  const vocabulary = match?.[1] === undefined ? undefined : IPTC_SCHEMES[match[1].toLowerCase()];
  return vocabulary === undefined || match?.[2] === undefined ? null : `${IPTC}${vocabulary}/${match[2]}`;
}
