package dev.vectorjpa.readpath;

import java.util.Collection;
import java.util.List;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.VectorRepository;

/**
 * Derived searches on every kind of criterion a detached search binds itself, and an {@code In} it leaves to
 * Hibernate.
 */
interface FlatRowRepository extends VectorRepository<FlatRow, Long> {

	List<Nearest<FlatRow>> findNearestByMoodName(float[] query, FlatRow.Mood mood, int k);

	List<Nearest<FlatRow>> findNearestByMoodOrdinal(float[] query, FlatRow.Mood mood, int k);

	List<Nearest<FlatRow>> findNearestByCode(float[] query, FlatRow.Code code, int k);

	List<Nearest<FlatRow>> findNearestByFlagAndDayAfter(float[] query, boolean flag, java.time.LocalDate day, int k);

	List<Nearest<FlatRow>> findNearestByMoodNameIn(float[] query, Collection<FlatRow.Mood> moods, int k);

}
