/**
 * Loading passages: the bundled corpus and the command-line importer.
 */
package dev.vectorjpa.sample.ingest;
