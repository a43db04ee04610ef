/**
 * What a case document is. A fixed list (not free text) so that a type never carries personal
 * data and retention, statistics and the interface can rely on it.
 */
export const DOCUMENT_TYPES = ['identity-document', 'police-report', 'medical', 'legal', 'decision', 'correspondence', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const isDocumentType = (value: string): value is DocumentType => (DOCUMENT_TYPES as readonly string[]).includes(value);

/**
 * A police report is investigation material: like the `investigation` field group it is shown only
 * to viewers who see that group (never to service-provider organisations), whatever its visibility.
 */
export const INVESTIGATION_DOCUMENT_TYPES: ReadonlySet<string> = new Set<DocumentType>(['police-report']);

/** Documents are kept encrypted in memory while stored; 10 MB covers scans and reports. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const FILE_NAME_MAX_LENGTH = 200;
