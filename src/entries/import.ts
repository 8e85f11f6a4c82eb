/**
 * council-ghg/import: baselines (the XLSX workbook, a long CSV table) and spend ledgers read into activity
 * records, every row accounted for; and the blank or filled baseline template. Workbooks are read with the
 * project's own row reader (exceljs only writes the template), CSV with papaparse; `importWorkbook` and
 * `aggregateSpendLedger` also take a file path, read with Node's fs.
 *
 * @module council-ghg/import
 */
export * from '../import/index.js';
export * from '../template/index.js';
