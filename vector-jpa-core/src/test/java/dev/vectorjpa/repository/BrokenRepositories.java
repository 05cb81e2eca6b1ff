package dev.vectorjpa.repository;

/** Marker: repositories extending it are broken on purpose and excluded from the shared test context. */
interface BrokenRepositories {
}
