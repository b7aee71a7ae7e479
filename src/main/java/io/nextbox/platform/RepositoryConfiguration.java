package io.nextbox.platform;

import io.nextbox.NextboxApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * The JPA repositories, with Spring Data's plain query enhancer for their declared queries. The default one parses
 * every {@code @Query} with Spring Data's own ANTLR grammar when the repositories are made, only to derive count
 * queries and add sorting, and that cold parse was 9 % of the main thread's start (README, "Performance"). The plain
 * one derives the few count queries the pages use from the query text; Hibernate still parses and validates every
 * query at start-up, so a mistyped one still fails the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = NextboxApplication.class,
		queryEnhancerSelector = RepositoryConfiguration.PlainQueryEnhancer.class)
class RepositoryConfiguration {

	public static class PlainQueryEnhancer implements QueryEnhancerSelector {

		@Override
		public QueryEnhancerFactory select(DeclaredQuery query) {
			return QueryEnhancerFactories.fallback();
		}

	}

}
