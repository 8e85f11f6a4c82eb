import { stub } from './unavailable.js';

// Only the workbook importer's naming of a file by its path (the page passes a name).
export const basename = stub('path.basename');
export default { basename };
