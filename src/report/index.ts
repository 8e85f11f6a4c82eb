/** Reports of an inventory: pure renderers returning text or bytes; writing them anywhere is the caller's job. */
export { renderText, type TextReportOptions } from './text.js';
export { renderJson } from './json.js';
export { renderCsv, type CsvReportOptions, type CsvTable } from './csv.js';
export { renderXlsx, XLSX_ROUNDING_RULE } from './xlsx.js';
export { renderHtml, type HtmlReportOptions } from './html/page.js';
export { renderBenchmarkHtml } from './html/benchmark-page.js';
export { renderBenchmarkText } from './benchmark-text.js';
export { neutraliseCell, FORMULA_TRIGGERS } from './spreadsheet-safety.js';
