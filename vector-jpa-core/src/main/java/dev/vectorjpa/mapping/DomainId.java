package dev.vectorjpa.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.vectorjpa.hibernate.DomainIdBinder;
import dev.vectorjpa.hibernate.DomainIdGeneration;
import org.hibernate.annotations.AttributeBinderType;
import org.hibernate.annotations.ValueGenerationType;

/**
 * Marks the {@code String} attribute holding the tenant (domain) of a row; every operation is scoped to the current domain.
 * <p>
 * Inserts get the current domain (an entity explicitly carrying another one is rejected), the attribute is never
 * updated, and Hibernate restricts every load, query and bulk mutation of the entity to the current domain. Without a
 * current domain nothing is scoped (single-tenant). See {@code docs/multi-tenancy.md}.
 *
 * @since 0.1
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AttributeBinderType(binder = DomainIdBinder.class)
@ValueGenerationType(generatedBy = DomainIdGeneration.class)
public @interface DomainId {

}
