package dev.vectorjpa.hibernate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.vectorjpa.hibernate.EntityEmbeddings.EmbeddedAttribute;
import org.hibernate.HibernateException;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Computes {@code @VectorColumn(embeddedFrom = …)} vectors before a flush writes them: all entities of the
 * persistence context that need one, in batches per attribute (prepended to flush and auto-flush, so Hibernate's own
 * dirty check then sees the new vectors). Before an insert that runs at once (identity ids) it computes the one
 * vector the flush has not.
 *
 * @since 0.1
 */
public final class EmbeddingListener implements FlushEventListener, AutoFlushEventListener, PreInsertEventListener {

	private final EntityEmbeddings embeddings;

	/** A listener computing vectors with {@code embeddings}. */
	public EmbeddingListener(EntityEmbeddings embeddings) {
		this.embeddings = embeddings;
	}

	@Override
	public void onFlush(FlushEvent event) throws HibernateException {
		embedPending(event.getSession());
	}

	@Override
	public void onAutoFlush(AutoFlushEvent event) throws HibernateException {
		embedPending(event.getSession());
	}

	private void embedPending(EventSource session) {
		Map<EntityPersister, Pending> pending = new LinkedHashMap<>();
		for (Map.Entry<Object, EntityEntry> managed : session.getPersistenceContextInternal()
			.reentrantSafeEntityEntries()) {
			EntityEntry entry = managed.getValue();
			if (entry.getStatus() != Status.MANAGED || entry.isReadOnly()
					|| !this.embeddings.embeds(entry.getEntityName())) {
				continue;
			}
			pending.computeIfAbsent(entry.getPersister(), (persister) -> new Pending())
				.add(managed.getKey(), entry);
		}
		pending.forEach((persister, entities) -> {
			this.embeddings.embedPending(persister, entities.entities, entities.loadedStates);
			entities.syncPendingInserts(persister, this.embeddings.attributes(persister.getEntityName()));
		});
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		EntityPersister persister = event.getPersister();
		Object[] state = event.getState();
		for (EmbeddedAttribute attribute : this.embeddings.attributes(persister.getEntityName())) {
			int vectorIndex = persister.getPropertyIndex(attribute.attribute().name());
			int sourceIndex = persister.getPropertyIndex(attribute.source());
			if (state[vectorIndex] != null || state[sourceIndex] == null) {
				continue;
			}
			Object current = persister.getValue(event.getEntity(), vectorIndex);
			if (current == null
					|| !Objects.equals(persister.getValue(event.getEntity(), sourceIndex), state[sourceIndex])) {
				current = this.embeddings.embed(attribute.target(), List.of((String) state[sourceIndex])).get(0);
				persister.setValue(event.getEntity(), vectorIndex, current);
			}
			state[vectorIndex] = current;
		}
		return false;
	}

	/** The entities of one persister the flush looks at. */
	private static final class Pending {

		final List<Object> entities = new ArrayList<>();

		final List<Object @Nullable []> loadedStates = new ArrayList<>();

		final List<EntityEntry> entries = new ArrayList<>();

		void add(Object entity, EntityEntry entry) {
			this.entities.add(entity);
			this.loadedStates.add(entry.getLoadedState());
			this.entries.add(entry);
		}

		/**
		 * An entity persisted but not yet inserted carries its persist-time state to the insert: the new vector goes
		 * there too, so the insert writes it and no update follows.
		 */
		void syncPendingInserts(EntityPersister persister, List<EmbeddedAttribute> attributes) {
			for (int i = 0; i < this.entities.size(); i++) {
				Object[] loaded = this.loadedStates.get(i);
				if (loaded == null || this.entries.get(i).isExistsInDatabase()) {
					continue;
				}
				for (EmbeddedAttribute attribute : attributes) {
					int vectorIndex = persister.getPropertyIndex(attribute.attribute().name());
					int sourceIndex = persister.getPropertyIndex(attribute.source());
					Object entity = this.entities.get(i);
					if (loaded[vectorIndex] == null
							&& Objects.equals(loaded[sourceIndex], persister.getValue(entity, sourceIndex))) {
						loaded[vectorIndex] = persister.getValue(entity, vectorIndex);
					}
				}
			}
		}

	}

}
