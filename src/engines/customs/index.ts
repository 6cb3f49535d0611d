/** Customs: HS nomenclature helper, document checks, and PDF customs documents. */
export { buildHsIndex, searchHs, validateHsCode, tokenize, type HsIndex, type HsEntry, type HsSearchHit, type HsValidation } from './hs-index.js';
export { loadHs2022Index, HS_2022_CSV_PATH } from './hs-loader.js';
export { CustomsDocumentRequestSchema, PartySchema, DocumentLineSchema, PackageSchema, DOCUMENT_KINDS, CONTENT_TYPES } from './document-schema.js';
export type { CustomsDocumentRequest, CustomsDocumentRequestInput, DocumentKind, DocumentLine, Party } from './document-schema.js';
export { checkCustomsDocuments, CN22_LIMIT_SDR, CN22_MAX_GROSS_GRAMS, type DocumentProblem, type DocumentCheck, type DocumentCheckOptions } from './validate-documents.js';
export { renderCustomsDocument, CustomsDocumentError, type RenderOptions, type RenderedDocument } from './documents.js';
export { RESTRICTED_GOODS, type RestrictedGoodsRow } from './data/restricted-goods.js';
