import { stub } from './unavailable.js';

export const readFileSync = stub('fs.readFileSync');
export const writeFileSync = stub('fs.writeFileSync');
export const existsSync = stub('fs.existsSync');
export const mkdirSync = stub('fs.mkdirSync');
export const statSync = stub('fs.statSync');
export const createReadStream = stub('fs.createReadStream');
export default { readFileSync, writeFileSync, existsSync, mkdirSync, statSync, createReadStream };
