/** Report attachments: what the rest of the reports module uses (intake, storage, the police's view). */
export { attachmentAccept, acceptedAttachmentsText, attachmentKindSpecs, attachmentKinds, type AttachmentKind } from './kinds.js';
export { attachmentLimits, prepareAttachments, type AttachmentLimits, type AttachmentServices, type IncomingFile } from './prepare.js';
export { putAttachmentFiles, discardAttachmentFiles, recordAttachments } from './attach.js';
export { reportAttachments } from './read-attachments.js';
export type { StoredAttachment } from './repository.js';
export { chooseAgainCode, choosePickedFilesAgain } from './errors.js';
export { attachmentUrl } from './routes.js';
