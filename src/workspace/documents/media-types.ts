import { DomainError } from '../../errors/catalogue.ts';

/** The media types a case document may have, with how messages name them. */
export const DOCUMENT_MEDIA_TYPES = {
  'application/pdf': { name: 'a PDF document' },
  'image/png': { name: 'a PNG image' },
  'image/jpeg': { name: 'a JPEG image' },
  'text/plain': { name: 'plain text' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { name: 'a Word document (.docx)' },
  'application/vnd.oasis.opendocument.text': { name: 'an OpenDocument text (.odt)' },
} as const;
export type DocumentMediaType = keyof typeof DOCUMENT_MEDIA_TYPES;

export const isDocumentMediaType = (value: string): value is DocumentMediaType => Object.hasOwn(DOCUMENT_MEDIA_TYPES, value);

const ALLOWED_LIST = 'PDF, PNG, JPEG, plain text, Word (.docx) or OpenDocument text (.odt)';
const ODT_MIME = 'application/vnd.oasis.opendocument.text';
const utf8 = new TextDecoder('utf-8', { fatal: true });

const startsWith = (bytes: Buffer, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
const isZip = (bytes: Buffer) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

/** Valid UTF-8 without control characters other than tab, line feed, form feed and carriage return. */
function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  // oxlint-disable-next-line no-control-regex -- the point is to find control characters
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * What the content is, judged by its first bytes ("magic bytes"), among the allowed types; null when
 * it is none of them. An OpenDocument file starts with an uncompressed "mimetype" entry naming its
 * type; a .docx is a zip with [Content_Types].xml and a word/ part (entry names are not compressed).
 */
export function sniffMediaType(bytes: Buffer): DocumentMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (isZip(bytes)) {
    if (bytes.subarray(30, 38).toString('latin1') === 'mimetype' && bytes.subarray(38, 38 + ODT_MIME.length).toString('latin1') === ODT_MIME) return ODT_MIME;
    if (bytes.includes('[Content_Types].xml', 0, 'latin1') && bytes.includes('word/', 0, 'latin1')) {
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    }
    return null;
  }
  return isPlainText(bytes) ? 'text/plain' : null;
}

/** The media type without parameters (`text/plain; charset=utf-8` -> `text/plain`), lower case. */
export const baseMediaType = (value: string) => value.split(';')[0]!.trim().toLowerCase();

/** The refusal of a media type that is not one of the accepted document types. */
export function unsupportedMediaType(claimed: string): DomainError {
  const type = baseMediaType(claimed);
  return new DomainError('UNSUPPORTED_MEDIA_TYPE', `Documents may be ${ALLOWED_LIST}; "${type || 'no type'}" is not accepted.`, [
    { field: 'headers.content-type', problem: `"${type || 'no type'}" is not an accepted document type (${ALLOWED_LIST}).` },
  ]);
}

/**
 * Refuses a document whose claimed media type is not allowed, or whose content is not what it
 * claims to be (UNSUPPORTED_MEDIA_TYPE, with a message that says what it looks like instead).
 */
export function checkDocumentContent(claimed: string, bytes: Buffer): DocumentMediaType {
  const type = baseMediaType(claimed);
  if (!isDocumentMediaType(type)) throw unsupportedMediaType(type);
  const actual = sniffMediaType(bytes);
  if (actual !== type) {
    const looks = actual ? `it looks like ${DOCUMENT_MEDIA_TYPES[actual].name}` : 'it is none of the accepted types';
    const message = `The file was sent as ${DOCUMENT_MEDIA_TYPES[type].name} (${type}), but its content is not: ${looks}.`;
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', message, [{ field: 'file', problem: message }]);
  }
  return type;
}
