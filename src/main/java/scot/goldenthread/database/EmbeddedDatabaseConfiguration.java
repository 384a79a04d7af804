package scot.goldenthread.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no JDBC URL configured the application runs its own PostgreSQL, so a fresh machine needs
 * nothing but a JDK. Its data directory survives restarts; an empty directory setting (the tests)
 * gives a throw-away database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${goldenthread.data-dir:./data}") String dataDir) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (!dataDir.isBlank()) {
			Path dir = Path.of(dataDir, "postgres").toAbsolutePath();
			Files.createDirectories(dir);
			builder.setDataDirectory(dir).setCleanDataDirectory(false);
			log.info("Embedded PostgreSQL keeps its data in {}", dir);
		}
		return builder.start();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		return DataSourceBuilder.create()
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.password("postgres")
			.build();
	}

}
