import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../src/report/index.js';
import { exampleInventory } from '../report/example.js';
import { available, onPath } from '../support/required.js';
import { HAVE_SOFFICE, saveWithLibreOffice } from './libreoffice.js';

/**
 * The XLSX report's charts as a real LibreOffice reads them: it keeps both charts when it saves the workbook
 * again (a chart it could not read it would drop), and draws them when it prints the report to PDF.
 */
const PDFTOTEXT = onPath('pdftotext');
// Under CI a missing pdftotext fails the run (.ci/run installs it), as LibreOffice and Chromium do.
const HAVE_PDFTOTEXT = available('pdftotext', PDFTOTEXT !== undefined, "Debian's poppler-utils, which .ci/run installs");

describe.skipIf(!HAVE_SOFFICE)('the XLSX report in LibreOffice', async () => { // skips only off CI: under CI, available() fails the run instead
  const report = join(mkdtempSync(join(tmpdir(), 'council-ghg-report-')), 'report.xlsx');
  writeFileSync(report, await renderXlsx(exampleInventory()));

  it('keeps both charts, of the cells they plot, when it saves the report again', async () => {
    const zip = await JSZip.loadAsync(readFileSync(saveWithLibreOffice(report, 'Calc MS Excel 2007 XML', 'xlsx')));
    const charts = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map(async (n) => (await zip.file(n)!.async('string')).replace(/&apos;/g, "'")));
    expect(charts).toHaveLength(2);
    expect(charts.join('\n')).toContain("'By scope'!$B$");
    expect(charts.join('\n')).toContain("'By category'!$B$");
  }, 180_000);

  it.skipIf(!HAVE_PDFTOTEXT)('draws them, with their titles, when it prints the report', () => { // skips only off CI: available() fails the run under CI
    const pdf = saveWithLibreOffice(report, 'calc_pdf_Export', 'pdf');
    const text = execFileSync(PDFTOTEXT!, [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Emissions by scope (tCO2e, scope 2 location-based)');
    expect(text).toContain('Share of emissions by reporting category');
  }, 180_000);
});
