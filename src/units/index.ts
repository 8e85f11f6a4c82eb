export * from './units.js';
export * from './quantity.js';
export { readUnit } from './unit-text.js';
