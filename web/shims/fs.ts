import { stub } from './unavailable.js';

// Only the workbook importer's reading of a path (the page passes bytes).
export const readFileSync = stub('fs.readFileSync');
export const statSync = stub('fs.statSync');
export default { readFileSync, statSync };
