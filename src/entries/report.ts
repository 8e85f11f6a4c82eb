/**
 * council-ghg/report: an inventory or a benchmark view as text, JSON, CSV, XLSX (exceljs) or HTML: pure
 * renderers returning strings or bytes; writing them anywhere is the caller's job.
 *
 * @module council-ghg/report
 */
export * from '../report/index.js';
