export * from './units.js';
export * from './quantity.js';
