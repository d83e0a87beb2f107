export { BackupError, type BackupMetadata } from './backup-file.js';
export { backupOf, restoreBackup, restoreBackupFile, writeBackupFile } from './backup.js';
export { listenForBackups, type BackupListener } from './backup-socket.js';
