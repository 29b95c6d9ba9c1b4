import { randomBytes } from 'node:crypto';
import { access, chmod, constants, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A secret kept in the work folder with 0600 permissions: read when present, otherwise generated
 * and written (`created: true`, so the caller prints it once). `wx` fails when another process
 * wrote the file first; then that one is read.
 */
export async function fileSecret(
  workFolder: string,
  fileName: string,
  bytes = 32,
): Promise<{ value: string; created: boolean; path: string }> {
  const path = join(workFolder, fileName);
  await mkdir(workFolder, { recursive: true, mode: 0o700 });
  try {
    return { value: (await readFile(path, 'utf8')).trim(), created: false, path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const value = randomBytes(bytes).toString('hex');
  try {
    await writeFile(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(path, 0o600);
    return { value, created: true, path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { value: (await readFile(path, 'utf8')).trim(), created: false, path };
  }
}

export async function isWritable(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
