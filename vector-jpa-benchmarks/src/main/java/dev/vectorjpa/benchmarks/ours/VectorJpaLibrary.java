package dev.vectorjpa.benchmarks.ours;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vectorjpa.benchmarks.OurLibrary;
import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.run.Ingester;
import dev.vectorjpa.benchmarks.run.Searcher;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;

/**
 * vector-jpa as a competitor: its repositories in a plain Spring context on the shared pool. Loaded reflectively by
 * {@link OurLibrary#start} so that the harness also runs on builds without it.
 */
public final class VectorJpaLibrary implements OurLibrary {

	private final AnnotationConfigApplicationContext context;

	private final BenchDatabase db;

	private final TransactionTemplate transactions;

	private final String bulkInsertReason;

	private @Nullable VectorJpaLibrary binaryTransfer;

	private final String searcherName;

	/** Starts the context. */
	public VectorJpaLibrary(BenchDatabase db) {
		this(db, false);
	}

	private VectorJpaLibrary(BenchDatabase db, boolean binaryTransfer) {
		this.db = db;
		this.searcherName = binaryTransfer ? "vector-jpa findNearest (binary transfer)" : "vector-jpa findNearest";
		this.context = new AnnotationConfigApplicationContext();
		if (binaryTransfer) {
			this.context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("binary", Map.of(VectorJpaSettings.BINARY_TRANSFER, "true")));
			this.context.registerBean("dataSource", javax.sql.DataSource.class,
					() -> db.isolatedDataSource("vector-jpa-binary"));
		}
		else {
			this.context.registerBean("dataSource", javax.sql.DataSource.class, db::dataSource);
		}
		this.context.register(OursJpaConfiguration.class);
		this.context.refresh();
		this.transactions = this.context.getBean(TransactionTemplate.class);
		// bulkInsert is in this build (it landed with the repository support); kept as a reason for older builds.
		this.bulkInsertReason = null;
	}

	@Override
	public String unavailableReason() {
		return null;
	}

	@Override
	public String bulkInsertUnavailableReason() {
		return this.bulkInsertReason;
	}

	@Override
	public Ingester ingester(Dataset dataset) {
		if (this.bulkInsertReason != null) {
			return null;
		}
		if (dataset.dimensions() == 384) {
			return new BulkInsertIngester<>(this.db, this.transactions, "ingest_ours_384", this.context.getBean(Ingest384Repository.class),
					(i) -> new Ingest384(Dataset.id(i), "doc " + i, dataset.categories()[i], dataset.base()[i]));
		}
		if (dataset.dimensions() == 1536) {
			return new BulkInsertIngester<>(this.db, this.transactions, "ingest_ours_1536", this.context.getBean(Ingest1536Repository.class),
					(i) -> new Ingest1536(Dataset.id(i), "doc " + i, dataset.categories()[i], dataset.base()[i]));
		}
		return null;
	}

	@Override
	public Searcher searcher(Dataset dataset, SearchOptions options) {
		switch (dataset.name()) {
			case "s384":
				return nearest(this.context.getBean(Synthetic384Repository.class), options, Synthetic384::getId);
			case "s1536":
				return nearest(this.context.getBean(Synthetic1536Repository.class), options, Synthetic1536::getId);
			case "fmnist":
				return nearest(this.context.getBean(FashionImageRepository.class), options, FashionImage::getId);
			case "text":
				return nearest(this.context.getBean(TextPassageRepository.class), options, TextPassage::getId);
			default:
				return null;
		}
	}

	@Override
	public synchronized @Nullable Searcher binaryTransferSearcher(Dataset dataset) {
		if (this.binaryTransfer == null) {
			this.binaryTransfer = new VectorJpaLibrary(this.db, true);
		}
		return this.binaryTransfer.searcher(dataset, SearchOptions.none());
	}

	private <T> Searcher nearest(VectorRepository<T, UUID> repository, SearchOptions options, Function<T, UUID> id) {
		boolean plain = options.isEmpty();
		return searcher(this.searcherName, (query, k) -> rows(plain ? repository.findNearest(query, k)
				: repository.findNearest(query, k, options), id));
	}

	@Override
	public Searcher filteredSearcher(String category, SearchOptions options) {
		Synthetic384Repository repository = this.context.getBean(Synthetic384Repository.class);
		return searcher("vector-jpa findNearestByCategory",
				(query, k) -> rows(repository.findNearestByCategory(query, category, k, options), Synthetic384::getId));
	}

	@Override
	public Searcher sectionSearcher(String section) {
		TextPassageRepository repository = this.context.getBean(TextPassageRepository.class);
		return searcher(this.searcherName.replace("findNearest", "findNearestBySection"),
				(query, k) -> rows(repository.findNearestBySection(query, section, k), TextPassage::getId));
	}

	@Override
	public StrategySearcher filteredSectionSearcher(String name, String section, boolean negated,
			SearchOptions options) {
		TextPassageRepository repository = this.context.getBean(TextPassageRepository.class);
		Map<String, LongAdder> counts = new ConcurrentHashMap<>();
		return new StrategySearcher() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public List<Integer> search(float[] query, int k) {
				return StrategyTags.counting(counts, () -> rows(negated
						? repository.findNearestBySectionNot(query, section, k, options)
						: repository.findNearestBySection(query, section, k, options), TextPassage::getId));
			}

			@Override
			public Map<String, Long> strategies() {
				Map<String, Long> strategies = new TreeMap<>();
				counts.forEach((strategy, count) -> strategies.put(strategy, count.sum()));
				return strategies;
			}

			@Override
			public void resetStrategies() {
				counts.clear();
			}

		};
	}

	private static Searcher searcher(String name, java.util.function.BiFunction<float[], Integer, List<Integer>> search) {
		return new Searcher() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public List<Integer> search(float[] query, int k) {
				return search.apply(query, k);
			}

		};
	}

	private static <T> List<Integer> rows(List<Nearest<T>> nearest, Function<T, UUID> id) {
		List<Integer> rows = new ArrayList<>(nearest.size());
		for (Nearest<T> n : nearest) {
			rows.add(Dataset.index(id.apply(n.entity())));
		}
		return rows;
	}

	@Override
	public void close() {
		if (this.binaryTransfer != null) {
			this.binaryTransfer.close();
		}
		this.context.close();
	}

	/** {@code bulkInsert} of one call's rows in one transaction. */
	private static final class BulkInsertIngester<T> implements Ingester {

		private final BenchDatabase db;

		private final String table;

		private final VectorRepository<T, UUID> repository;

		private final java.util.function.IntFunction<T> row;

		private final TransactionTemplate transactions;

		BulkInsertIngester(BenchDatabase db, TransactionTemplate transactions, String table,
				VectorRepository<T, UUID> repository, java.util.function.IntFunction<T> row) {
			this.db = db;
			this.transactions = transactions;
			this.table = table;
			this.repository = repository;
			this.row = row;
		}

		@Override
		public String name() {
			return "vector-jpa bulkInsert";
		}

		@Override
		public void prepare(Dataset dataset) throws Exception {
			dev.vectorjpa.benchmarks.competitors.IngestTables.create(this.db, this.table, dataset.dimensions());
		}

		@Override
		public void write(Dataset dataset, int from, int to) {
			List<T> entities = new ArrayList<>(to - from);
			for (int i = from; i < to; i++) {
				entities.add(this.row.apply(i));
			}
			this.transactions.executeWithoutResult((status) -> this.repository.bulkInsert(entities));
		}

		@Override
		public long count() throws Exception {
			return Long.parseLong(this.db.value("SELECT count(*) FROM " + this.table));
		}

	}

}
