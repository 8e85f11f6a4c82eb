export * from './table.js';
export * from './read-csv.js';
export * from './read-xlsx.js';
export * from './read-xlsx-rows.js';
export * from './cell-text.js';
export * from './read-csv-stream.js';
