import { stubClass } from './unavailable.js';

export const StringDecoder = stubClass('string_decoder.StringDecoder');
export default { StringDecoder };
