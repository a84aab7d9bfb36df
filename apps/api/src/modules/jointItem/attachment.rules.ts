// The file-type checks moved to the one file store every module uses (lib/fileTypes.ts,
// docs/decisions/0053-file-store.md); re-exported for the item's tests.
export { DOC, DOCX, XLS, XLSX, sniffType, zipEntry } from '../../lib/fileTypes.ts';
