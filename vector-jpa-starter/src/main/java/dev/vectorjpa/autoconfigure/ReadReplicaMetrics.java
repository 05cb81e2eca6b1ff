package dev.vectorjpa.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of the read replica: {@value #FAILOVERS} (read-only connections taken from the primary because the replica
 * could not be reached) and {@value #AVAILABLE} (1 while read-only work goes to the replica, else 0).
 *
 * @since 0.1
 */
public class ReadReplicaMetrics implements MeterBinder {

	/** Name of the failover counter. */
	public static final String FAILOVERS = "vector-jpa.read-replica.failovers";

	/** Name of the availability gauge. */
	public static final String AVAILABLE = "vector-jpa.read-replica.available";

	private final VectorJpaReadReplica readReplica;

	/** Meters of {@code readReplica}. */
	public ReadReplicaMetrics(VectorJpaReadReplica readReplica) {
		this.readReplica = readReplica;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(FAILOVERS, this.readReplica, VectorJpaReadReplica::failovers)
			.description("Read-only connections taken from the primary because the read replica could not be reached")
			.register(registry);
		Gauge.builder(AVAILABLE, this.readReplica, (replica) -> replica.isAvailable() ? 1 : 0)
			.description("Whether read-only work goes to the read replica (1) or fails over to the primary (0)")
			.register(registry);
	}

}
