/** The document worker's entry for unpacking an archive of documents (see archiveMembers). */
import { workerJob } from './worker-job.js';
import { unpackArchive } from './archive-members.js';

export default workerJob((input: { file: Uint8Array; maxFiles: number }) => unpackArchive(input.file, input.maxFiles));
