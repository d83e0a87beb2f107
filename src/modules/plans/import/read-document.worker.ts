/** The document worker's entry for plan documents (see DocumentWorkers and plan-reader.ts). */
import { workerJob } from '../../../platform/documents/worker-job.js';
import { readPlanDocument } from './read-document.js';

export default workerJob(readPlanDocument);
