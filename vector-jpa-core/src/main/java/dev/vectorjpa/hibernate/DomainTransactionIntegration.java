package dev.vectorjpa.hibernate;

import java.sql.SQLException;

import org.hibernate.engine.extension.spi.Extension;
import org.hibernate.engine.extension.spi.ExtensionIntegration;
import org.hibernate.engine.extension.spi.ExtensionIntegrationContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.transaction.spi.TransactionObserver;

/**
 * Sets {@value DomainRowLevelSecurity#SETTING} at the start of every transaction of a session that has a domain, when
 * {@link VectorJpaSettings#DOMAIN_ROW_LEVEL_SECURITY} is on.
 * <p>
 * Hibernate 7.4 offers no other per-session hook that sees the session: this (incubating) extension point is called
 * for every session and stateless session as it opens, with its transaction coordinator ready, so a transaction
 * observer can run {@code set_config(.., true)} right after {@code begin}, on the transaction's own connection. The
 * setting is transaction-local, so it ends with the transaction and never leaks to the next user of a pooled
 * connection. (Hibernate's own row-level security, after 7.4, uses the same moment: the transaction's start.)
 *
 * @since 0.1
 */
public final class DomainTransactionIntegration
		implements ExtensionIntegration<DomainTransactionIntegration.DomainSetting> {

	@Override
	public Class<DomainSetting> getExtensionType() {
		return DomainSetting.class;
	}

	@Override
	public DomainSetting createExtension(ExtensionIntegrationContext context) {
		SharedSessionContractImplementor session = context.getSession();
		DomainSetting setting = new DomainSetting(session);
		if (enabled(session.getFactory())
				&& DomainTenantIdentifierResolver.domainOf(session.getTenantIdentifierValue()) != null) {
			session.getTransactionCoordinator().addObserver(setting);
		}
		return setting;
	}

	private static boolean enabled(SessionFactoryImplementor factory) {
		return VectorEntityRegistry.of(factory).rowLevelSecurity();
	}

	/** Applies a session's domain to each of its transactions. */
	public static final class DomainSetting implements Extension, TransactionObserver {

		private final SharedSessionContractImplementor session;

		DomainSetting(SharedSessionContractImplementor session) {
			this.session = session;
		}

		@Override
		public void afterBegin() {
			String domain = DomainTenantIdentifierResolver.domainOf(this.session.getTenantIdentifierValue());
			if (domain == null) {
				return;
			}
			try {
				DomainRowLevelSecurity.setDomain(
						this.session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection(), domain);
			}
			catch (SQLException ex) {
				throw this.session.getJdbcServices().getSqlExceptionHelper()
					.convert(ex, "Could not set " + DomainRowLevelSecurity.SETTING + " for the transaction");
			}
		}

		@Override
		public void beforeCompletion() {
		}

		@Override
		public void afterCompletion(boolean successful, boolean delayed) {
		}

	}

}
