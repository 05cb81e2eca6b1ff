package dev.vectorjpa.reliability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * Wraps a data source to count what could send SQL: every statement prepared or created on its connections, and
 * every switch to the driver's own API (COPY). A call that sends no SQL leaves the count unchanged.
 */
final class SqlCountingDataSource {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private final AtomicLong statements = new AtomicLong();

	private final DataSource dataSource;

	SqlCountingDataSource(DataSource target) {
		this.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					// the proxy is the key of the transaction's bound connection: equal only to itself
					if (method.getName().equals("equals")) {
						return proxy == args[0];
					}
					if (method.getName().equals("hashCode")) {
						return System.identityHashCode(proxy);
					}
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection) ? connection(connection) : result;
				});
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	long statements() {
		return this.statements.get();
	}

	private Connection connection(Connection target) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (STATEMENT_METHODS.contains(method.getName())
					|| (method.getName().equals("unwrap") && args[0] == PGConnection.class)) {
				this.statements.incrementAndGet();
			}
			if (method.getName().equals("equals")) {
				return proxy == args[0];
			}
			if (method.getName().equals("hashCode")) {
				return System.identityHashCode(proxy);
			}
			return invoke(target, method, args);
		};
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
