package dev.vectorjpa.liquibase;

import java.util.List;

import dev.vectorjpa.index.VectorSchemaDdl;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code createFullTextIndex}: the GIN index over {@code to_tsvector('config'::regconfig, column)} that
 * {@code findHybrid} uses, with the name ({@code <table>_<column>_fts_idx}) and expression vector-jpa creates at run
 * time; rolled back by dropping it.
 *
 * @since 0.1
 */
@DatabaseChange(name = "createFullTextIndex", description = "Creates the full-text GIN index that findHybrid uses",
		priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "table", since = "0.1")
public class CreateFullTextIndexChange extends AbstractTableDdlChange {

	private @Nullable String config;

	/** The text search configuration, as in {@code @FullText(config)}; default {@code english}. */
	@DatabaseChangeProperty(description = "Text search configuration (default english), as in @FullText(config)",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getConfig() {
		return this.config;
	}

	/** Sets the text search configuration. */
	public void setConfig(@Nullable String config) {
		this.config = config;
	}

	@Override
	String changeName() {
		return "createFullTextIndex";
	}

	@Override
	public List<String> createStatements(@Nullable String schema) {
		return List.of(VectorSchemaDdl.createFullTextIndex(schema, table(), column(),
				(this.config != null) ? this.config : "english"));
	}

	@Override
	public List<String> rollbackStatements(@Nullable String schema) {
		return List.of(VectorSchemaDdl.dropFullTextIndex(schema, table(), column()));
	}

	@Override
	public String getConfirmationMessage() {
		return "Full-text index created on " + getTableName() + "." + getColumnName();
	}

}
