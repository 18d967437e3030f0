/** The package version, sent with every receipt; a test keeps it equal to package.json's. */
export const LIBRARY_VERSION = '0.1.0';
