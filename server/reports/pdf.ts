/**
 * DOCX → PDF with LibreOffice, when it is installed: `soffice --headless --convert-to pdf` in a
 * private temporary directory (its own user profile too, so that conversions running at the same
 * time, or a LibreOffice the user has open, do not collide). Without `soffice` on PATH the PDF is
 * not offered (`pdfAvailable()` is false) and asking for it is refused with a Vietnamese message.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

let found: string | null | undefined;

/** The soffice binary on PATH, or null. Looked up once. */
export async function sofficePath(): Promise<string | null> {
  if (found !== undefined) return found;
  found = null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = path.join(dir, name);
      try {
        await fs.access(candidate, fs.constants.X_OK);
        return (found = candidate);
      } catch {
        /* next */
      }
    }
  }
  return found;
}

export const pdfAvailable = async () => (await sofficePath()) !== null;

/** Converts DOCX bytes to PDF bytes; throws when LibreOffice is missing or fails. */
export async function docxToPdf(docx: Buffer, timeoutMs = 120_000): Promise<Buffer> {
  const soffice = await sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) chưa được cài đặt.');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dxpulse-pdf-'));
  try {
    const input = path.join(dir, 'bao-cao.docx');
    await fs.writeFile(input, docx);
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: timeoutMs });
    return await fs.readFile(path.join(dir, 'bao-cao.pdf'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
