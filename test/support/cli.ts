import { runCommand } from '../../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command of the command line in this process (src/cli.ts `runCommand`, what the program
 * runs on its own arguments) with only `env` set, on the real database `env` names. A new Node
 * process per command cost seconds; runCli (process.ts) still starts the built program, for the
 * few tests that prove the program itself (exit codes, a write, the data directory's lock).
 */
export async function runCliInProcess(env: Record<string, string>, args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) }, env);
  return { code, stdout, stderr };
}
