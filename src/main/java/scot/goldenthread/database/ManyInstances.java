package scot.goldenthread.database;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;

/**
 * What lets several instances share one PostgreSQL: the replicas public reads go to, and the locks that make a
 * scheduled job run on one instance only ({@code @SchedulerLock} on the job; the locks in the table {@code shedlock},
 * timed by the database's clock so that the instances' clocks need not agree). Signed-in sessions are kept in the
 * database by Spring Session JDBC, set up by Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT1H")
class ManyInstances {

	@Bean
	static Replicas readReplicas(Environment environment) {
		Binder settings = Binder.get(environment);
		return new Replicas(settings.bind("goldenthread.replica-url", Bindable.listOf(String.class)).orElse(List.of()),
				settings.bind("spring.datasource.username", String.class).orElse("postgres"),
				settings.bind("spring.datasource.password", String.class).orElse("postgres"),
				settings.bind("goldenthread.replica-max-lag", Duration.class).orElse(Duration.ofSeconds(5)));
	}

	@Bean
	@ConditionalOnProperty("goldenthread.replica-url")
	FilterRegistrationBean<PublicReads> publicReads(Replicas replicas) {
		FilterRegistrationBean<PublicReads> filter = new FilterRegistrationBean<>(new PublicReads(replicas));
		filter.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return filter;
	}

	/** A session is read and written on the primary, even by a public request: one just made must be found. */
	@Bean(defaultCandidate = false)
	@SpringSessionDataSource
	@ConditionalOnProperty("goldenthread.replica-url")
	DataSource sessionDataSource(DataSource dataSource) {
		return Replicas.onPrimary(dataSource);
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
