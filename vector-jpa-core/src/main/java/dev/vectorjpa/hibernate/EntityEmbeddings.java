package dev.vectorjpa.hibernate;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import dev.vectorjpa.embedding.EmbeddingTarget;
import dev.vectorjpa.embedding.TextEmbedder;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.observation.VectorJpaObservations;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * The embedding side of a persistence unit: which vector attributes are computed from which text attribute
 * ({@code @VectorColumn(embeddedFrom = …)}), and the {@link TextEmbedder} that computes them, in batches, observed.
 * Created at start-up, where a bad source attribute or a model/column dimension mismatch fails.
 *
 * @since 0.1
 */
public final class EntityEmbeddings {

	/** Default number of texts per embedding call. */
	public static final int DEFAULT_BATCH_SIZE = 32;

	private final TextEmbedder embedder;

	private final int batchSize;

	private final VectorJpaObservations observations;

	private final Map<String, List<EmbeddedAttribute>> byEntityName;

	private EntityEmbeddings(TextEmbedder embedder, int batchSize, VectorJpaObservations observations,
			Map<String, List<EmbeddedAttribute>> byEntityName) {
		this.embedder = embedder;
		this.batchSize = batchSize;
		this.observations = observations;
		this.byEntityName = byEntityName;
	}

	/** The embeddings of a running persistence unit, empty when no {@link TextEmbedder} is configured. */
	public static Optional<EntityEmbeddings> of(EntityManagerFactory entityManagerFactory) {
		return VectorEntityRegistry.of(entityManagerFactory.unwrap(SessionFactoryImplementor.class)).embeddings();
	}

	/**
	 * Reads the {@code embeddedFrom} attributes of the boot model and checks them against the configured embedder.
	 * @return the embeddings, or null when no embedder is configured and no attribute is embedded
	 * @throws IllegalStateException when an attribute is embedded without an embedder, names no {@code String}
	 * attribute, or has other dimensions than the embedder
	 */
	static @Nullable EntityEmbeddings create(Metadata metadata, Map<Class<?>, VectorEntityMetadata> entities,
			Map<String, Object> settings) {
		Object configured = settings.get(VectorJpaSettings.TEXT_EMBEDDER);
		if (configured != null && !(configured instanceof TextEmbedder)) {
			throw new IllegalStateException("Property '" + VectorJpaSettings.TEXT_EMBEDDER + "' must be a "
					+ TextEmbedder.class.getName() + ", got " + configured.getClass().getName());
		}
		TextEmbedder embedder = (TextEmbedder) configured;
		Map<String, List<EmbeddedAttribute>> byEntity = new HashMap<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> mappedClass = entity.getMappedClass();
			VectorEntityMetadata vectorEntity = (mappedClass != null) ? entities.get(mappedClass) : null;
			if (vectorEntity == null) {
				continue;
			}
			for (VectorAttribute attribute : vectorEntity.vectorAttributes()) {
				String source = embeddedFrom(entity, mappedClass, attribute.name());
				if (source == null) {
					continue;
				}
				String simpleName = mappedClass.getSimpleName();
				String described = simpleName + "." + attribute.name() + ": @VectorColumn(embeddedFrom = \"" + source
						+ "\")";
				Property sourceProperty = property(entity, source);
				if (sourceProperty == null) {
					throw new IllegalStateException(described + " names no attribute of " + simpleName);
				}
				Class<?> sourceType = sourceProperty.getType().getReturnedClass();
				if (sourceType != String.class) {
					throw new IllegalStateException(described + " must name a String attribute, " + simpleName + "."
							+ source + " is " + sourceType.getSimpleName());
				}
				if (attribute.type() != VectorType.VECTOR && attribute.type() != VectorType.HALFVEC) {
					throw new IllegalStateException(described + " needs a vector or halfvec column, not "
							+ attribute.sqlType());
				}
				if (embedder == null) {
					throw new IllegalStateException(described + " needs an embedding model, but none is configured: "
							+ "declare a Spring AI or LangChain4j EmbeddingModel bean (or a "
							+ TextEmbedder.class.getName() + " bean), or set property '"
							+ VectorJpaSettings.TEXT_EMBEDDER + "'");
				}
				int model = embedder.dimensions();
				if (model != attribute.dimensions()) {
					throw new IllegalStateException(described + " is a " + attribute.sqlType()
							+ " column, but the embedding model (" + embedder + ") returns " + model + " dimensions");
				}
				byEntity.computeIfAbsent(vectorEntity.entityName(), (name) -> new ArrayList<>())
					.add(new EmbeddedAttribute(mappedClass, attribute, source));
			}
		}
		if (embedder == null) {
			return null;
		}
		Object observations = settings.get(VectorJpaSettings.OBSERVATIONS);
		return new EntityEmbeddings(embedder, batchSize(settings),
				(observations instanceof VectorJpaObservations observed) ? observed : VectorJpaObservations.noop(),
				Collections.unmodifiableMap(byEntity));
	}

	private static @Nullable String embeddedFrom(PersistentClass entity, Class<?> mappedClass, String attribute) {
		Property property = property(entity, attribute);
		if (property == null) {
			return null;
		}
		Member member = property.getGetter(mappedClass).getMember();
		VectorColumn column = (member instanceof AnnotatedElement element) ? element.getAnnotation(VectorColumn.class)
				: null;
		return (column != null && !column.embeddedFrom().isEmpty()) ? column.embeddedFrom() : null;
	}

	private static @Nullable Property property(PersistentClass entity, String name) {
		for (Property property : entity.getPropertyClosure()) {
			if (property.getName().equals(name)) {
				return property;
			}
		}
		return null;
	}

	private static int batchSize(Map<String, Object> settings) {
		Object value = settings.get(VectorJpaSettings.EMBEDDING_BATCH_SIZE);
		if (value == null) {
			return DEFAULT_BATCH_SIZE;
		}
		int size = Integer.parseInt(value.toString().trim());
		if (size < 1) {
			throw new IllegalStateException("Property '" + VectorJpaSettings.EMBEDDING_BATCH_SIZE
					+ "' must be at least 1, got " + size);
		}
		return size;
	}

	/** Whether some vector attribute of the entity is computed from a text attribute. */
	public boolean embeds(String entityName) {
		return this.byEntityName.containsKey(entityName);
	}

	/** The embedded attributes of an entity (empty when none). */
	List<EmbeddedAttribute> attributes(String entityName) {
		return this.byEntityName.getOrDefault(entityName, List.of());
	}

	/**
	 * Embeds a query text for the vector attribute {@code target} of {@code entityType}, in one observed call.
	 * @throws IllegalArgumentException when the text is null or blank
	 */
	public float[] embedQuery(EmbeddingTarget target, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("Query text for " + target.qualifiedName()
					+ " must not be null or blank");
		}
		return embed(target, List.of(text)).get(0);
	}

	/**
	 * Computes the vectors of {@code entities} (all handled by {@code persister}) whose embedded attribute needs one:
	 * the vector is null while the source text is not, or the source text differs from {@code loadedStates}' (the
	 * state last read or written, null for none) and the vector was not changed by the application. Sets them on the
	 * entities.
	 * @return how many vectors were computed
	 */
	public int embedPending(EntityPersister persister, List<?> entities, @Nullable List<Object @Nullable []> loadedStates) {
		int computed = 0;
		for (EmbeddedAttribute attribute : attributes(persister.getEntityName())) {
			int vectorIndex = persister.getPropertyIndex(attribute.attribute().name());
			int sourceIndex = persister.getPropertyIndex(attribute.source());
			List<Object> targets = new ArrayList<>();
			List<String> texts = new ArrayList<>();
			for (int i = 0; i < entities.size(); i++) {
				Object entity = entities.get(i);
				Object source = persister.getValue(entity, sourceIndex);
				if (source == null) {
					continue;
				}
				Object vector = persister.getValue(entity, vectorIndex);
				Object[] loaded = (loadedStates != null) ? loadedStates.get(i) : null;
				boolean stale = loaded != null && !Objects.equals(loaded[sourceIndex], source)
						&& Objects.deepEquals(loaded[vectorIndex], vector);
				if (vector == null || stale) {
					targets.add(entity);
					texts.add((String) source);
				}
			}
			if (texts.isEmpty()) {
				continue;
			}
			List<float[]> vectors = embed(attribute.target(), texts);
			for (int i = 0; i < targets.size(); i++) {
				persister.setValue(targets.get(i), vectorIndex, vectors.get(i));
			}
			computed += vectors.size();
		}
		return computed;
	}

	/**
	 * The entities of {@code entities}, read ahead one batch at a time so that the vectors they need are computed in
	 * one call per batch (a bulk insert streams them on; memory holds one batch).
	 */
	public <T> Iterator<T> embedding(EntityPersister persister, Iterator<T> entities) {
		if (!embeds(persister.getEntityName())) {
			return entities;
		}
		return new Iterator<>() {

			private final List<T> batch = new ArrayList<>(EntityEmbeddings.this.batchSize);

			private int next;

			@Override
			public boolean hasNext() {
				if (this.next < this.batch.size()) {
					return true;
				}
				this.batch.clear();
				this.next = 0;
				while (this.batch.size() < EntityEmbeddings.this.batchSize && entities.hasNext()) {
					this.batch.add(entities.next());
				}
				if (this.batch.isEmpty()) {
					return false;
				}
				List<Object> present = new ArrayList<>(this.batch.size());
				for (T entity : this.batch) {
					if (entity != null) {
						present.add(entity);
					}
				}
				embedPending(persister, present, null);
				return true;
			}

			@Override
			public T next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.batch.get(this.next++);
			}

		};
	}

	/** Embeds {@code texts} in batches of the configured size, each call observed. */
	List<float[]> embed(EmbeddingTarget target, List<String> texts) {
		List<float[]> vectors = new ArrayList<>(texts.size());
		for (int from = 0; from < texts.size(); from += this.batchSize) {
			List<String> batch = texts.subList(from, Math.min(texts.size(), from + this.batchSize));
			List<float[]> embedded = this.observations.embedding(target.entityType().getSimpleName(),
					() -> this.embedder.embed(batch, target));
			if (embedded == null || embedded.size() != batch.size()) {
				throw new IllegalStateException("The embedding model returned "
						+ ((embedded != null) ? embedded.size() : 0) + " vectors for " + batch.size() + " texts of "
						+ target.qualifiedName());
			}
			vectors.addAll(embedded);
		}
		return vectors;
	}

	/** The configured embedder. */
	public TextEmbedder embedder() {
		return this.embedder;
	}

	/** A vector attribute computed from a text attribute. */
	record EmbeddedAttribute(Class<?> entityClass, VectorAttribute attribute, String source) {

		EmbeddingTarget target() {
			return new EmbeddingTarget(this.entityClass, this.attribute.name(), this.attribute.dimensions());
		}

	}

}
