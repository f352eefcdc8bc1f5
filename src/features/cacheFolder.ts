import * as vscode from 'vscode';
import type { CacheFolder } from '../core/indexing/facts-cache';

/** The index cache's folder inside the extension's storage, through `workspace.fs` (any scheme). */
export function storageFolder(folder: vscode.Uri): CacheFolder {
  const fs = vscode.workspace.fs;
  const at = (name: string): vscode.Uri => vscode.Uri.joinPath(folder, name);
  let created: Thenable<void> | undefined;
  const ensure = (): Thenable<void> => (created ??= fs.createDirectory(folder));
  return {
    async read(name) {
      try {
        return await fs.readFile(at(name));
      } catch {
        return undefined;
      }
    },
    async write(name, data) {
      await ensure();
      await fs.writeFile(at(name), data);
    },
    async rename(from, to) {
      await fs.rename(at(from), at(to), { overwrite: true });
    },
    async remove(name) {
      try {
        await fs.delete(at(name), { useTrash: false });
      } catch {
        // Already gone.
      }
    },
    async list() {
      try {
        return (await fs.readDirectory(folder)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
      } catch {
        return [];
      }
    },
  };
}
