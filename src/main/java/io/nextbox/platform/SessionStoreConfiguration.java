package io.nextbox.platform;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * With {@code nextbox.sessions=jdbc}, sessions live in the database (Spring Boot's JDBC session store, tables in
 * {@code V2__http_sessions.sql}), shared by every instance. Session attributes are written so that two requests of one session can never collide. Spring Session JDBC
 * inserts an attribute a request added with a plain {@code INSERT}: when two requests of one session both add the
 * same one (two plain form posts in two tabs, each leaving a flash message), the second insert fails on the
 * attributes' primary key after its change was saved, and the subscriber sees "Something went wrong"
 * (spring-session issue 1213). Here it is an upsert: the later write wins, as it already does for an attribute
 * both change. An attribute of a session that is gone meanwhile (signed out in another tab) is not written at all,
 * rather than failing on the foreign key. Updating or removing an attribute another request removed changes no
 * row and fails nothing, as Spring Session does it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nextbox.sessions", havingValue = "jdbc")
class SessionStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SessionStoreConfiguration.class);

	/** The attribute's row, only while its session has one; the three parameters as Spring Session binds them. */
	private static final String SOURCE = """
			SELECT S.PRIMARY_ID, A.ATTRIBUTE_NAME, A.ATTRIBUTE_BYTES
			FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_PRIMARY_ID, CAST(? AS VARCHAR(200)) AS ATTRIBUTE_NAME,
			             CAST(? AS %BYTES%) AS ATTRIBUTE_BYTES) A
			JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.SESSION_PRIMARY_ID
			""";

	private static final String H2_UPSERT = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			""" + SOURCE.replace("%BYTES%", "VARBINARY");

	private static final String POSTGRESQL_UPSERT = "INSERT INTO %TABLE_NAME%_ATTRIBUTES "
			+ "(SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)\n" + SOURCE.replace("%BYTES%", "BYTEA") + """
					ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
					DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
					""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpsert(DataSource dataSource) {
		String database = databaseOf(dataSource);
		String upsert = switch (database) {
			case "H2" -> H2_UPSERT;
			case "PostgreSQL" -> POSTGRESQL_UPSERT;
			default -> null;
		};
		if (upsert == null) {
			log.warn("Sessions on {}: two requests of one session that add the same attribute may collide", database);
			return repository -> {
			};
		}
		return repository -> repository.setCreateSessionAttributeQuery(upsert);
	}

	private static String databaseOf(DataSource dataSource) {
		try {
			return JdbcUtils.commonDatabaseName(
					JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database holds the sessions", ex);
		}
	}

}
