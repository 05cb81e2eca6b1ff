package dev.vectorjpa.tenancy;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The plain Spring Data JPA surface over {@link Note}.
 */
interface NoteRepository extends JpaRepository<Note, UUID> {

	List<Note> findByTitle(String title);

	long countByTitle(String title);

	long deleteByTitle(String title);

	@Query("select n from Note n where n.title like :prefix%")
	List<Note> findTitled(@Param("prefix") String prefix);

	@Modifying
	@Query("update Note n set n.title = :title where n.title = :old")
	int retitle(@Param("old") String old, @Param("title") String title);

	@Modifying
	@Query("delete from Note n where n.title = :title")
	int deleteTitled(@Param("title") String title);

	@Query(value = "select count(*) from notes", nativeQuery = true)
	long countAllDomainsNatively();

	@Query(value = "select count(*) from notes where domain = :#{domain}", nativeQuery = true)
	long countCurrentDomainNativelyWithSpel();

	@Query(value = "select count(*) from notes where domain = current_setting('vector_jpa.domain', true)",
			nativeQuery = true)
	long countCurrentDomainNatively();

}
