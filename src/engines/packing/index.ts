export { cartonize, PackingInputError } from './cartonize.js';
export { loadContainer } from './container-loader.js';
export type * from './types.js';
