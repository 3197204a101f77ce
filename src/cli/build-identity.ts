/**
 * What the prepared form of a catalogue depends on, as the build computed it: a hash of the package's version,
 * the catalogue schema, the versions of yaml and ajv, and the built code of src/catalog, src/query and src/present
 * (validation, names, search and the note kinds' labels search compares). scripts/build-prepared.js writes it into
 * dist/cli/build-identity.js, which the bundle includes; the cache of prepared catalogues (prepared-cache.ts) keys
 * its entries by it, so that an entry made by other code is never read. Null here, in the sources: code run as it
 * is (the tests, in-process) has no identity, and uses no cache.
 */
export const BUILD_IDENTITY: string | null = null;
