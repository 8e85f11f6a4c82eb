import { stub } from './unavailable.js';

export const fileURLToPath = stub('url.fileURLToPath');
export default { fileURLToPath };
