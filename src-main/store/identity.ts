/**
 * What marks a SQLite file as ours, in its own module so that code checking backup files can
 * know it without importing the code that opens (and migrates) the live database.
 */

/** Written into the file header so that another program's SQLite file is never mistaken for ours. */
export const APPLICATION_ID = 0x42444b31; // "BDK1"
