export { buildBaselineWorkbook, buildBaselineCsv } from './baseline-workbook.js';
