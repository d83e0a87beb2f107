/** The document worker's entry for turning any accepted file into text (see documentText). */
import { workerJob } from './worker-job.js';
import { readDocumentText } from './document-text.js';

export default workerJob((input: { file: Uint8Array }) => readDocumentText(input.file));
