// The export and import API the panel uses (toolbar actions).

export { exportSession, importSession, SESSION_FORMAT, SESSION_VERSION } from './session-json';
export type { SessionFile, SessionDocument } from './session-json';
export { exportHar, HAR_CREATOR_NAME } from './har-export';
export { importHar } from './har-import';
export { importText } from './import-text';
export { downloadText, readFileText, importFile, exportFileName, EXPORT_MIME } from './files';
export { isImportFailure } from './import-types';
export { isImportedSource } from './imported-documents';
export type { ImportResult, ImportFailure, ImportErrorCode } from './import-types';
