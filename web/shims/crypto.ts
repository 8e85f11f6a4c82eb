import { stub } from './unavailable.js';

export const createHash = stub('crypto.createHash');
export default { createHash };
