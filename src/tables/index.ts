export * from './table.js';
export * from './read-csv.js';
export * from './read-xlsx.js';
export * from './cell-text.js';
