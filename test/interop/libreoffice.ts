import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { available, onPath } from '../support/required.js';

/** LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run), or undefined off CI. */
export const SOFFICE = onPath('soffice');
export const HAVE_SOFFICE = available('LibreOffice (soffice)', SOFFICE !== undefined, 'apt-get install libreoffice-calc-nogui; .ci/run does this');

/**
 * Opens `source` in a headless LibreOffice with a fresh profile and saves it through `filter` (e.g. 'Calc MS
 * Excel 2007 XML'), returning the new file's path. LibreOffice rewrites every part its own way (styles, shared
 * strings, validations) and, for a workbook that asks for it (fullCalcOnLoad), recalculates every formula first.
 */
export function saveWithLibreOffice(source: string, filter: string, extension: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'council-ghg-lo-'));
  const input = join(dir, `baseline.${source.split('.').pop()}`);
  copyFileSync(source, input);
  const outDir = join(dir, 'out');
  execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', `${extension}:${filter}`, '--outdir', outDir, input], { stdio: 'pipe', timeout: 120_000 });
  return join(outDir, `baseline.${extension}`);
}
