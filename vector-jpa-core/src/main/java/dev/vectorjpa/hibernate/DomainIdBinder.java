package dev.vectorjpa.hibernate;

import java.util.Collections;
import java.util.Map;

import dev.vectorjpa.mapping.DomainId;
import org.hibernate.MappingException;
import org.hibernate.binder.AttributeBinder;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.spi.FilterDefinition;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.metamodel.mapping.JdbcMapping;

/**
 * Binds {@link DomainId} the way Hibernate binds its own {@code @TenantId}: the entity gets Hibernate's tenant filter
 * ({@value #FILTER_NAME}, condition {@code domain_column = :tenantId}), which every session enables with its tenant
 * identifier, so loads by id, HQL/JPQL/criteria queries and HQL bulk updates and deletes are all restricted by
 * Hibernate itself; the attribute is made non-updatable so that no flush can move a row to another domain.
 * <p>
 * Why Hibernate's tenant machinery rather than a filter of our own: Hibernate enables the tenant filter when a session
 * opens (there is no other hook to enable a filter per session), keys the second-level cache by tenant, lets a session
 * be opened for an explicit tenant ({@code withOptions().tenantIdentifier(..)}) and honours a "root" tenant that sees
 * everything. vector-jpa's {@link DomainTenantIdentifierResolver} maps the {@code DomainResolver} onto it, with "no
 * domain" as the root tenant, so that absence means single-tenant and nothing is scoped. Hibernate's
 * {@code TenantIdGeneration} is not reused because it would write the root marker into the column; see
 * {@link DomainIdGeneration}. The attribute stays nullable (unlike {@code @TenantId}) for single-tenant use.
 *
 * @since 0.1
 */
public final class DomainIdBinder implements AttributeBinder<DomainId> {

	/** Hibernate's own tenant filter name ({@code TenantIdBinder.FILTER_NAME}), which sessions enable themselves. */
	public static final String FILTER_NAME = "_tenantId";

	/** Hibernate's tenant filter parameter name. */
	public static final String PARAMETER_NAME = "tenantId";

	@Override
	public void bind(DomainId annotation, MetadataBuildingContext buildingContext, PersistentClass persistentClass,
			Property property) {
		String label = persistentClass.getEntityName() + "." + property.getName();
		if (property.getColumnSpan() != 1 || !(property.getSelectables().get(0) instanceof Column column)) {
			throw new MappingException("@DomainId on " + label + " must be mapped to a single column");
		}
		if (!String.class.getName().equals(property.getReturnedClassName())) {
			throw new MappingException("@DomainId on " + label + " needs a String attribute, found "
					+ property.getReturnedClassName());
		}
		InFlightMetadataCollector collector = buildingContext.getMetadataCollector();
		JdbcMapping stringType = collector.getTypeConfiguration().getBasicTypeRegistry().getRegisteredType(String.class);
		FilterDefinition existing = collector.getFilterDefinition(FILTER_NAME);
		if (existing == null) {
			collector.addFilterDefinition(new FilterDefinition(FILTER_NAME, "", false, true,
					Collections.singletonMap(PARAMETER_NAME, stringType), Collections.emptyMap()));
		}
		else {
			JdbcMapping parameter = existing.getParameterJdbcMapping(PARAMETER_NAME);
			if (parameter == null || parameter.getJavaTypeDescriptor().getJavaTypeClass() != String.class) {
				throw new MappingException("@DomainId on " + label + " is a String, but another tenant attribute "
						+ "(@TenantId) of this persistence unit has a different type");
			}
		}
		persistentClass.addFilter(FILTER_NAME,
				column.getQuotedName(collector.getDatabase().getDialect()) + " = :" + PARAMETER_NAME, true,
				Collections.emptyMap(), Collections.emptyMap());
		property.resetUpdateable(false);
		Map<String, Object> settings = buildingContext.getBootstrapContext().getConfigurationService().getSettings();
		if (DomainSettings.rowLevelSecurity(settings)) {
			collector.addAuxiliaryDatabaseObject(new DomainRowLevelSecurityDdl(persistentClass.getTable(), column));
		}
	}

}
