/**
 * Content types recognised from a file's first bytes. Only some are allowed as evidence (see
 * `DEFAULT_EVIDENCE_POLICY`); the others are named so a refusal can say what the file is.
 */
export const ContentType = {
  Pdf: 'application/pdf',
  Png: 'image/png',
  Jpeg: 'image/jpeg',
  Gif: 'image/gif',
  Webp: 'image/webp',
  PlainText: 'text/plain',
  Docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  Odt: 'application/vnd.oasis.opendocument.text',
  // Recognised but not allowed by default:
  Xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  Pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  OpenDocumentOther: 'application/vnd.oasis.opendocument',
  Zip: 'application/zip',
  Html: 'text/html',
  Svg: 'image/svg+xml',
  Xml: 'application/xml',
  WindowsExecutable: 'application/vnd.microsoft.portable-executable',
  ElfExecutable: 'application/x-elf',
} as const;

export type SniffedContentType = (typeof ContentType)[keyof typeof ContentType];

/** How many first bytes `sniffContentType` should be given to tell office documents apart. */
export const SNIFF_BYTES = 8192;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const le16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const le32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const latin1 = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

/** Names of the entries whose local headers lie within the given bytes (names are never compressed). */
function zipEntryNames(b: Uint8Array): string[] {
  const names: string[] = [];
  for (let i = 0; i + 30 <= b.length; i++) {
    if (!startsWith(b, ZIP_LOCAL, i)) continue;
    const nameLength = le16(b, i + 26);
    if (nameLength === 0 || i + 30 + nameLength > b.length) continue;
    names.push(latin1(b, i + 30, i + 30 + nameLength));
  }
  return names;
}

function sniffZip(b: Uint8Array): SniffedContentType {
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the media type.
  const nameLength = le16(b, 26);
  const extraLength = le16(b, 28);
  if (latin1(b, 30, 30 + nameLength) === 'mimetype' && le16(b, 8) === 0) {
    const start = 30 + nameLength + extraLength;
    const size = Math.min(le32(b, 18), 200);
    const media = latin1(b, start, start + size);
    if (media === ContentType.Odt) return ContentType.Odt;
    if (media.startsWith('application/vnd.oasis.opendocument')) return ContentType.OpenDocumentOther;
  }
  const names = zipEntryNames(b);
  if (names.some((n) => n.startsWith('word/'))) return ContentType.Docx;
  if (names.some((n) => n.startsWith('xl/'))) return ContentType.Xlsx;
  if (names.some((n) => n.startsWith('ppt/'))) return ContentType.Pptx;
  return ContentType.Zip;
}

/**
 * Whether the bytes are UTF-8 text: valid UTF-8 (an incomplete character cut off at the very end
 * is accepted, since only the first bytes are seen), no NUL, and no control characters other
 * than tab, line feed, form feed and carriage return.
 */
function isUtf8Text(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return false;
      if (c === 0x7f) return false;
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    if (i + need >= b.length) {
      // The last character is cut off by the end of the first bytes: accept what is there.
      for (let k = 1; i + k < b.length; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
      return true;
    }
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if ((cc & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    if (cp >= 0x80 && cp < 0xa0) return false; // C1 control characters
    i += need + 1;
  }
  return true;
}

function sniffText(b: Uint8Array): SniffedContentType | null {
  const body = startsWith(b, [0xef, 0xbb, 0xbf]) ? b.subarray(3) : b;
  if (!isUtf8Text(body)) return null;
  const head = new TextDecoder('utf-8').decode(body.subarray(0, 1024)).trimStart().toLowerCase();
  if (/^<(!doctype html|html|head|body|script|iframe|meta|style)\b/.test(head)) return ContentType.Html;
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return ContentType.Svg;
  if (head.startsWith('<?xml')) return ContentType.Xml;
  return ContentType.PlainText;
}

/**
 * The content type of a file from its first bytes (give at least `SNIFF_BYTES`, or the whole
 * file if shorter), by magic numbers — never from the name or the type the uploader claims.
 * `null` when nothing is recognised (an unknown binary, or no bytes at all).
 */
export function sniffContentType(firstBytes: Uint8Array): SniffedContentType | null {
  const b = firstBytes;
  if (!b || b.length === 0) return null;
  if (startsWith(b, ascii('%PDF-'))) return ContentType.Pdf;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ContentType.Png;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return ContentType.Jpeg;
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return ContentType.Gif;
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return ContentType.Webp;
  if (startsWith(b, ZIP_LOCAL) && b.length >= 30) return sniffZip(b);
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return ContentType.ElfExecutable;
  const text = sniffText(b);
  if (startsWith(b, ascii('MZ')) && text === null) return ContentType.WindowsExecutable;
  return text;
}
