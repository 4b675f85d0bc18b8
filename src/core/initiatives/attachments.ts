// SPDX-License-Identifier: EUPL-1.2
/**
 * Files on an initiative: which kinds exist, which file types are accepted (decided by the
 * content's magic bytes, never by the name or the type the browser claims), and in which stage of
 * the lifecycle a kind may be added or removed.
 *
 * - `application`: attachments to the application (a drawing, a quote, a letter of support). Added
 *   until the decision, removed only while the application is a draft (what was submitted stays).
 * - `photo` and `receipt`: the final account (verantwoording). Added and removed from the grant
 *   until the account is submitted.
 */
import type { InitiativeCapability, InitiativeStatus } from './lifecycle.js';
import { STATUS_LABELS_NL } from './lifecycle.js';

export type AttachmentKind = 'application' | 'photo' | 'receipt';
export const ATTACHMENT_KINDS: readonly AttachmentKind[] = ['application', 'photo', 'receipt'];

export const ATTACHMENT_KIND_LABELS_NL: Readonly<Record<AttachmentKind, string>> = {
  application: 'bijlage bij de aanvraag',
  photo: 'foto',
  receipt: 'bon',
};

/** 10 MB: a phone photo or a scanned receipt fits; the database stays small enough to back up. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Files per initiative. */
export const MAX_ATTACHMENTS = 50;

export type FileType = 'pdf' | 'jpeg' | 'png' | 'webp' | 'heic' | 'docx' | 'xlsx' | 'odt';

export const FILE_TYPES: Readonly<Record<FileType, { mediaType: string; extensions: readonly string[]; label: string }>> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG' },
  webp: { mediaType: 'image/webp', extensions: ['webp'], label: 'WebP' },
  heic: { mediaType: 'image/heic', extensions: ['heic', 'heif'], label: 'HEIC' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word (docx)' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel (xlsx)' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'OpenDocument-tekst (odt)' },
};

export const ALLOWED_TYPES_NL = Object.values(FILE_TYPES)
  .map((t) => t.label)
  .join(', ');

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function contains(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  for (let at = bytes.indexOf(needle[0]!); at >= 0; at = bytes.indexOf(needle[0]!, at + 1)) {
    if (startsWith(bytes, needle, at)) return true;
  }
  return false;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * The file type the content shows, or undefined when it is none of the accepted types.
 * Office files are ZIP archives: ODF names its type in the uncompressed first entry `mimetype`;
 * OOXML lists `[Content_Types].xml` and its main part (`word/`, `xl/`) in the central directory.
 */
export function detectFileType(bytes: Uint8Array): FileType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return HEIF_BRANDS.has(brand) ? 'heic' : undefined;
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (startsWith(bytes, ascii('mimetypeapplication/vnd.oasis.opendocument.text'), 30)) return 'odt';
    if (contains(bytes, '[Content_Types].xml')) {
      if (contains(bytes, 'word/document.xml')) return 'docx';
      if (contains(bytes, 'xl/workbook.xml')) return 'xlsx';
    }
  }
  return undefined;
}

export type AttachmentProblem =
  | { code: 'attachment_empty'; message: string }
  | { code: 'attachment_too_large'; message: string }
  | { code: 'attachment_type_not_allowed'; message: string }
  | { code: 'attachment_type_mismatch'; message: string; detected: FileType };

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/**
 * Checks a file: not empty, at most {@link MAX_ATTACHMENT_BYTES}, one of the accepted types by its
 * content, and a name whose extension fits that type (a PNG called "bon.pdf" is refused, so a name
 * never hides what a file is). Returns the type, or the problem in Dutch.
 */
export function checkAttachmentFile(filename: string, bytes: Uint8Array, maxBytes = MAX_ATTACHMENT_BYTES): { type: FileType } | { problem: AttachmentProblem } {
  if (bytes.length === 0) return { problem: { code: 'attachment_empty', message: `Het bestand '${filename}' is leeg.` } };
  if (bytes.length > maxBytes) {
    const mb = (n: number) => `${Math.floor(n / (1024 * 1024))} MB`;
    return { problem: { code: 'attachment_too_large', message: `Het bestand '${filename}' is groter dan ${mb(maxBytes)}, het maximum voor een bijlage.` } };
  }
  const type = detectFileType(bytes);
  if (type === undefined) {
    return {
      problem: {
        code: 'attachment_type_not_allowed',
        message: `Het bestand '${filename}' is geen bestand van een toegestane soort (${ALLOWED_TYPES_NL}); dat blijkt uit de inhoud, niet uit de naam.`,
      },
    };
  }
  if (!FILE_TYPES[type].extensions.includes(extensionOf(filename))) {
    return {
      problem: {
        code: 'attachment_type_mismatch',
        message: `Het bestand '${filename}' is volgens de inhoud een ${FILE_TYPES[type].label}-bestand, maar de naam zegt iets anders. Geef het de extensie .${FILE_TYPES[type].extensions[0]}.`,
        detected: type,
      },
    };
  }
  return { type };
}

/** A file name safe for storage and a Content-Disposition header: no path, no control or quote characters. */
export function safeFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_')
    .trim()
    .slice(-120);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'bestand' : cleaned;
}

const APPLICATION_ADD: readonly InitiativeStatus[] = ['draft', 'submitted', 'admissible', 'in_advice'];
const ACCOUNT_STAGE: readonly InitiativeStatus[] = ['granted', 'partly_granted', 'advance_paid', 'in_execution'];

/** The capability that adds or removes a kind: the applicant's side (or a wijkwerker helping). */
export function attachmentCapability(kind: AttachmentKind): InitiativeCapability {
  return kind === 'application' ? 'initiative.submit' : 'initiative.account';
}

/** Statuses in which a kind may be added (`add`) or removed (`remove`). */
export function attachmentStatuses(kind: AttachmentKind, change: 'add' | 'remove'): readonly InitiativeStatus[] {
  if (kind === 'application') return change === 'add' ? APPLICATION_ADD : ['draft'];
  return ACCOUNT_STAGE;
}

/** Why a kind may not be added or removed now (Dutch), or null when it may. */
export function attachmentStageProblem(kind: AttachmentKind, change: 'add' | 'remove', status: InitiativeStatus): string | null {
  if (attachmentStatuses(kind, change).includes(status)) return null;
  const what = ATTACHMENT_KIND_LABELS_NL[kind];
  const verb = change === 'add' ? 'toegevoegd' : 'verwijderd';
  return `Bij een initiatief met status '${STATUS_LABELS_NL[status]}' kan nu geen ${what} worden ${verb}${kind === 'application' && change === 'remove' ? ': wat is ingediend, blijft bij de aanvraag' : ''}.`;
}
