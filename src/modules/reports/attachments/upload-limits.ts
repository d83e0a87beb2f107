import { settingCatalog } from '../../settings/index.js';

/**
 * What a route that takes report attachments lets through before it can read the settings: the
 * largest total and count the settings can ever allow (the catalogue's maxima), plus room for the
 * form's fields. The limits in force (readSetting, per unit) are checked on the files themselves.
 * One more file than the most allowed reaches the route, so "too many" gets its own clear answer.
 */
const megabyte = 1024 * 1024;
export const attachmentUpload = {
  // Files only (keepUpload, busboy's fileSize): the route's other bodies keep the server's small limit.
  uploadBytes: (settingCatalog['attachments.maxTotalMegabytes'].max + 1) * megabyte,
  multipartOptions: { limits: { files: settingCatalog['attachments.maxFiles'].max + 1, fields: 30 } },
};
