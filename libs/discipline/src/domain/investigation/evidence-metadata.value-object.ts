import { DomainError } from '@org/kernel';
import { Timestamp, identifier, requiredText, timestamp } from '../finding/time';
import { ContentType, SniffedContentType } from './content-type.sniffer';
import { InvestigationErrorCode, investigationError } from './investigation.errors';

export interface EvidencePolicy {
  /** Largest accepted file, in bytes (default 20 MB). */
  readonly maxBytes: number;
  /** Content types accepted, as recognised by `sniffContentType`. */
  readonly allowedContentTypes: readonly SniffedContentType[];
}

export const DEFAULT_EVIDENCE_POLICY: EvidencePolicy = {
  maxBytes: 20 * 1024 * 1024,
  allowedContentTypes: [
    ContentType.Pdf,
    ContentType.Png,
    ContentType.Jpeg,
    ContentType.Gif,
    ContentType.Webp,
    ContentType.PlainText,
    ContentType.Docx,
    ContentType.Odt,
  ],
};

/** Metadata of an attachment; the content itself is sealed (crypto/) and stored apart. */
export interface EvidenceSnapshot {
  readonly evidenceId: string;
  readonly caseId: string;
  readonly submittedBy: string;
  /** The file's own name, without any directory part. */
  readonly fileName: string;
  /** The type recognised from the bytes (never the uploader's claim). */
  readonly contentType: SniffedContentType;
  readonly sizeBytes: number;
  /** SHA-256 of the plaintext, hex: lets anyone entitled check the file was not swapped. */
  readonly sha256: string;
  readonly submittedAt: Timestamp;
}

const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-pdf': 'application/pdf' };

function normalizeDeclared(type: string): string {
  const bare = type.split(';')[0].trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

function baseName(name: unknown): string {
  const text = requiredText(name, 'The file name', 1000);
  const base = text.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!base || base === '.' || base === '..') {
    throw investigationError('invalid', InvestigationErrorCode.EvidenceInvalid, 'The file needs a name.');
  }
  return base.slice(0, 255);
}

/**
 * Registers evidence metadata once the application has sniffed the first bytes
 * (`sniffContentType`), measured the size and hashed the content. Refuses empty files, files
 * over the size limit, types not on the allowed list, and files whose declared type disagrees
 * with their bytes.
 */
export function registerEvidence(
  input: {
    readonly evidenceId: string;
    readonly caseId: string;
    readonly submittedBy: string;
    readonly fileName: string;
    /** What the uploader's browser claimed (optional); must agree with the bytes. */
    readonly declaredContentType?: string | null;
    /** `sniffContentType(firstBytes)`. */
    readonly sniffedContentType: SniffedContentType | null;
    readonly sizeBytes: number;
    readonly sha256: string;
    readonly now: Timestamp;
  },
  policy: EvidencePolicy = DEFAULT_EVIDENCE_POLICY,
): EvidenceSnapshot {
  const now = timestamp(input.now, 'now');
  if (!Number.isInteger(policy.maxBytes) || policy.maxBytes <= 0) {
    throw new DomainError('invalid', 'discipline.invalid_configuration', 'The evidence size limit must be a positive number of bytes.');
  }
  const size = input.sizeBytes;
  if (!Number.isInteger(size) || size < 0) {
    throw investigationError('invalid', InvestigationErrorCode.EvidenceInvalid, 'The file size must be a whole number of bytes.');
  }
  if (size === 0) throw investigationError('invalid', InvestigationErrorCode.EvidenceEmpty, 'The file is empty.');
  if (size > policy.maxBytes) {
    throw investigationError(
      'unprocessable',
      InvestigationErrorCode.EvidenceTooLarge,
      `The file is too large: at most ${Math.floor(policy.maxBytes / (1024 * 1024))} MB is accepted. Split it or send a smaller version.`,
      { maxBytes: policy.maxBytes },
    );
  }
  const type = input.sniffedContentType;
  if (!type || !policy.allowedContentTypes.includes(type)) {
    throw investigationError(
      'unprocessable',
      InvestigationErrorCode.EvidenceTypeNotAllowed,
      'This kind of file is not accepted as evidence. Accepted: PDF, images (PNG, JPEG, GIF, WebP), plain text, Word (.docx) and OpenDocument text (.odt).',
      { detected: type ?? 'unknown' },
    );
  }
  if (input.declaredContentType) {
    const declared = normalizeDeclared(input.declaredContentType);
    if (declared !== type && declared !== 'application/octet-stream') {
      throw investigationError(
        'unprocessable',
        InvestigationErrorCode.EvidenceTypeMismatch,
        'The file’s content does not match its stated type; check the file and upload it again.',
        { declared, detected: type },
      );
    }
  }
  if (typeof input.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(input.sha256)) {
    throw investigationError('invalid', InvestigationErrorCode.EvidenceInvalid, 'The content hash must be a SHA-256 in hexadecimal.');
  }
  return {
    evidenceId: identifier(input.evidenceId, 'The evidence id'),
    caseId: identifier(input.caseId, 'The case id'),
    submittedBy: identifier(input.submittedBy, 'Who submitted the evidence'),
    fileName: baseName(input.fileName),
    contentType: type,
    sizeBytes: size,
    sha256: input.sha256.toLowerCase(),
    submittedAt: now,
  };
}
