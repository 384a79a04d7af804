package scot.goldenthread.database;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Measures each replica's lag on every instance, as often as {@code goldenthread.replica-lag-check} says; and tells
 * it in the health endpoint's details. A replica behind or down leaves this instance up: its public reads go to the
 * primary meanwhile.
 */
@Component("replicas")
@ConditionalOnProperty("goldenthread.replica-url")
class ReplicaLag implements HealthIndicator {

	private final Replicas replicas;

	ReplicaLag(Replicas replicas) {
		this.replicas = replicas;
	}

	@Scheduled(fixedDelayString = "${goldenthread.replica-lag-check:PT1S}")
	void measure() {
		this.replicas.measure();
	}

	@Override
	public Health health() {
		Map<String, String> lags = new LinkedHashMap<>();
		this.replicas.lags().forEach((name, lag) -> lags.put(name, describe(lag)));
		return Health.up().withDetail("maxLag", this.replicas.maxLag().toString()).withDetails(lags).build();
	}

	private String describe(Duration lag) {
		if (lag == null) {
			return "unreachable or never caught up: not read";
		}
		return lag.toMillis() + " ms behind" + ((lag.compareTo(this.replicas.maxLag()) > 0) ? ": not read" : "");
	}

}
