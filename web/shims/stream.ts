import { stubClass } from './unavailable.js';

export const Transform = stubClass('stream.Transform');
export const Readable = stubClass('stream.Readable');
export default { Transform, Readable };
