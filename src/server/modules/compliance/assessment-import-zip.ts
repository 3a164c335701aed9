/** The zip-bomb guard moved to core/xlsx (assets import it too); kept here for its existing importers and unit test. */
export { checkZip, MAX_ENTRIES, MAX_UNCOMPRESSED, type ZipCheck } from '../../core/xlsx/zip.js';
