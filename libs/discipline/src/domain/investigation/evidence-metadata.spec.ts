import { at, expectDomainError } from '../finding/finding.test-fixtures';
import { ContentType, sniffContentType } from './content-type.sniffer';
import { DEFAULT_EVIDENCE_POLICY, registerEvidence } from './evidence-metadata.value-object';
import { InvestigationErrorCode } from './investigation.errors';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

/** A minimal ZIP local file header for an entry with this name (and optional stored content). */
function zipEntry(name: string, content = ''): number[] {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(0, 8); // stored
  h.writeUInt32LE(content.length, 18);
  h.writeUInt32LE(content.length, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return [...h, ...Buffer.from(name, 'latin1'), ...Buffer.from(content, 'latin1')];
}

describe('sniffContentType', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ'), ContentType.Pdf],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), ContentType.Png],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), ContentType.Jpeg],
    ['GIF', bytes('GIF89a', [1, 0]), ContentType.Gif],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), ContentType.Webp],
    ['DOCX', bytes(zipEntry('[Content_Types].xml', '<x/>'), zipEntry('_rels/.rels'), zipEntry('word/document.xml')), ContentType.Docx],
    ['XLSX', bytes(zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.xml')), ContentType.Xlsx],
    ['ODT', bytes(zipEntry('mimetype', 'application/vnd.oasis.opendocument.text')), ContentType.Odt],
    ['ZIP', bytes(zipEntry('payload.exe')), ContentType.Zip],
    ['UTF-8 text', bytes([...Buffer.from('Je suis allée à la réunion — 3 mars.\r\n\tFin.', 'utf8')]), ContentType.PlainText],
    ['text with BOM', bytes([0xef, 0xbb, 0xbf], [...Buffer.from('hello', 'utf8')]), ContentType.PlainText],
    ['text cut inside a character', Uint8Array.from(Buffer.from('naïve café', 'utf8').subarray(0, 11)), ContentType.PlainText],
    ['HTML', bytes('  <!DOCTYPE html><html><script>alert(1)</script>'), ContentType.Html],
    ['SVG', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), ContentType.Svg],
    ['Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]), ContentType.WindowsExecutable],
    ['ELF', bytes([0x7f], 'ELF', [2, 1, 1]), ContentType.ElfExecutable],
  ])('recognises %s', (_name, input, expected) => {
    expect(sniffContentType(input)).toBe(expected);
  });

  it('recognises nothing in unknown binary or empty input', () => {
    expect(sniffContentType(bytes([0, 1, 2, 3, 0xfe, 0xff]))).toBeNull();
    expect(sniffContentType(new Uint8Array(0))).toBeNull();
    expect(sniffContentType(bytes([0xc3, 0x28]))).toBeNull(); // invalid UTF-8
  });
});

describe('registerEvidence', () => {
  const valid = {
    evidenceId: 'ev-1',
    caseId: 'case-1',
    submittedBy: 'alice',
    fileName: 'C:\\Users\\alice\\Documents\\screenshot.png',
    declaredContentType: 'image/png',
    sniffedContentType: ContentType.Png,
    sizeBytes: 1234,
    sha256: 'a'.repeat(64),
    now: at(1),
  };

  it('records the metadata with the sniffed type and the bare file name', () => {
    expect(registerEvidence(valid)).toEqual({
      evidenceId: 'ev-1',
      caseId: 'case-1',
      submittedBy: 'alice',
      fileName: 'screenshot.png',
      contentType: 'image/png',
      sizeBytes: 1234,
      sha256: 'a'.repeat(64),
      submittedAt: at(1),
    });
  });

  it('accepts exactly 20 MB and refuses one byte more, or an empty file', () => {
    expect(registerEvidence({ ...valid, sizeBytes: 20 * 1024 * 1024 }).sizeBytes).toBe(20 * 1024 * 1024);
    expectDomainError(() => registerEvidence({ ...valid, sizeBytes: 20 * 1024 * 1024 + 1 }), InvestigationErrorCode.EvidenceTooLarge);
    expectDomainError(() => registerEvidence({ ...valid, sizeBytes: 0 }), InvestigationErrorCode.EvidenceEmpty);
    expectDomainError(() => registerEvidence({ ...valid, sizeBytes: 2000 }, { ...DEFAULT_EVIDENCE_POLICY, maxBytes: 1000 }), InvestigationErrorCode.EvidenceTooLarge);
  });

  it('goes by the bytes, not the name or the claimed type', () => {
    const exe = sniffContentType(Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03]));
    expectDomainError(() => registerEvidence({ ...valid, fileName: 'holiday.png', sniffedContentType: exe }), InvestigationErrorCode.EvidenceTypeNotAllowed);
    expectDomainError(() => registerEvidence({ ...valid, sniffedContentType: ContentType.Html, declaredContentType: 'text/plain' }), InvestigationErrorCode.EvidenceTypeNotAllowed);
    expectDomainError(() => registerEvidence({ ...valid, sniffedContentType: null }), InvestigationErrorCode.EvidenceTypeNotAllowed);
    expectDomainError(() => registerEvidence({ ...valid, sniffedContentType: ContentType.Pdf, declaredContentType: 'image/png' }), InvestigationErrorCode.EvidenceTypeMismatch);
    expect(registerEvidence({ ...valid, sniffedContentType: ContentType.Jpeg, declaredContentType: 'image/jpg' }).contentType).toBe('image/jpeg');
    expect(registerEvidence({ ...valid, sniffedContentType: ContentType.PlainText, declaredContentType: 'text/plain; charset=utf-8' }).contentType).toBe('text/plain');
  });

  it('requires a SHA-256 of the content', () => {
    expectDomainError(() => registerEvidence({ ...valid, sha256: 'abc' }), InvestigationErrorCode.EvidenceInvalid);
  });
});
