package dev.vectorjpa.hibernate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.HibernateException;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEntityEvent;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.jspecify.annotations.Nullable;

/**
 * Rejects invalid vectors with {@link dev.vectorjpa.InvalidVectorException} before any SQL: on persist and merge
 * (before Hibernate's own listeners run) and, for entities modified while managed, when flush finds them dirty
 * (flush schedules all its statements before executing any).
 *
 * @since 0.1
 */
public final class VectorWriteCheckListener
		implements PersistEventListener, MergeEventListener, FlushEntityEventListener {

	private static final int[] NONE = new int[0];

	private final Map<String, List<VectorAttribute>> attributesByEntity;

	// Property indexes are known once the persisters exist, after the integrator runs: resolved on first use.
	private final Map<String, int[]> indexesByEntity = new ConcurrentHashMap<>();

	private final @Nullable EntityEmbeddings embeddings;

	/** Creates a listener checking the vector attributes of {@code entities}. */
	public VectorWriteCheckListener(Collection<VectorEntityMetadata> entities) {
		this(entities, null);
	}

	/** Creates a listener checking the vector attributes of {@code entities}; embedded ones may wait for their text. */
	public VectorWriteCheckListener(Collection<VectorEntityMetadata> entities, @Nullable EntityEmbeddings embeddings) {
		this.embeddings = embeddings;
		Map<String, List<VectorAttribute>> byEntity = new ConcurrentHashMap<>();
		for (VectorEntityMetadata entity : entities) {
			if (!entity.vectorAttributes().isEmpty()) {
				byEntity.put(entity.entityName(), entity.vectorAttributes());
			}
		}
		this.attributesByEntity = byEntity;
	}

	@Override
	public void onPersist(PersistEvent event) throws HibernateException {
		check(event.getSession(), event.getEntityName(), event.getObject());
	}

	@Override
	public void onPersist(PersistEvent event, PersistContext context) throws HibernateException {
		onPersist(event);
	}

	@Override
	public void onMerge(MergeEvent event) throws HibernateException {
		check(event.getSession(), event.getEntityName(), event.getOriginal());
	}

	@Override
	public void onMerge(MergeEvent event, MergeContext copiedAlready) throws HibernateException {
		onMerge(event);
	}

	@Override
	public void onFlushEntity(FlushEntityEvent event) throws HibernateException {
		int[] dirty = event.getDirtyProperties();
		Object[] values = event.getPropertyValues();
		if (dirty == null || values == null) {
			return;
		}
		EntityPersister persister = event.getEntityEntry().getPersister();
		List<VectorAttribute> attributes = this.attributesByEntity.get(persister.getEntityName());
		if (attributes == null) {
			return;
		}
		int[] indexes = indexes(persister, attributes);
		for (int d : dirty) {
			for (int i = 0; i < indexes.length; i++) {
				if (indexes[i] == d) {
					VectorValueValidator.validate(attributes.get(i), values[d]);
				}
			}
		}
	}

	private void check(EventSource session, @Nullable String entityName, @Nullable Object entity) {
		if (entity == null || this.attributesByEntity.isEmpty()
				|| (entity instanceof HibernateProxy proxy && proxy.getHibernateLazyInitializer().isUninitialized())) {
			return;
		}
		EntityPersister persister = session.getEntityPersister(entityName, entity);
		List<VectorAttribute> attributes = this.attributesByEntity.get(persister.getEntityName());
		if (attributes == null) {
			return;
		}
		Object target = (entity instanceof HibernateProxy proxy) ? proxy.getHibernateLazyInitializer().getImplementation()
				: entity;
		int[] indexes = indexes(persister, attributes);
		for (int i = 0; i < indexes.length; i++) {
			Object value = persister.getValue(target, indexes[i]);
			if (value == null && this.embeddings != null && isEmbedded(persister, attributes.get(i))) {
				if (!persister.getPropertyNullability()[indexes[i]]) {
					// Hibernate checks a non-nullable attribute as it persists: embed it now, alone. A nullable mapping
					// waits for the flush, which embeds all pending entities in batches.
					this.embeddings.embedPending(persister, List.of(target), null);
				}
				continue;
			}
			VectorValueValidator.validate(attributes.get(i), value);
		}
	}

	private boolean isEmbedded(EntityPersister persister, VectorAttribute attribute) {
		for (EntityEmbeddings.EmbeddedAttribute embedded : this.embeddings.attributes(persister.getEntityName())) {
			if (embedded.attribute().equals(attribute)) {
				return true;
			}
		}
		return false;
	}

	private int[] indexes(EntityPersister persister, List<VectorAttribute> attributes) {
		return this.indexesByEntity.computeIfAbsent(persister.getEntityName(), (name) -> {
			if (attributes.isEmpty()) {
				return NONE;
			}
			int[] indexes = new int[attributes.size()];
			for (int i = 0; i < indexes.length; i++) {
				indexes[i] = persister.getPropertyIndex(attributes.get(i).name());
			}
			return indexes;
		});
	}

}
