import { stub } from './unavailable.js';

export const basename = stub('path.basename');
export const extname = stub('path.extname');
export const dirname = stub('path.dirname');
export const join = stub('path.join');
export const resolve = stub('path.resolve');
export default { basename, extname, dirname, join, resolve };
