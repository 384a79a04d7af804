package scot.goldenthread.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import scot.goldenthread.QueryCount;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times an answer of the application's own server over HTTP, made afresh (as after an import of one measure's values
 * and an approval: every kept page stale, one measure to judge again) and kept, with the statements it sent.
 */
final class TimedPages {

	static final int RUNS = 5;

	private final JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	TimedPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One answer's figures: medians of {@link #RUNS} after one to warm up. */
	record Timing(double afreshMs, double keptMs, long statements, long bytes) {
	}

	Timing time(String url) throws Exception {
		fetch(url, true);
		fetch(url, false);
		double[] afresh = new double[RUNS];
		double[] kept = new double[RUNS];
		long statements = 0;
		long bytes = 0;
		for (int run = 0; run < RUNS; run++) {
			long[] made = fetch(url, true);
			statements = made[2];
			afresh[run] = made[0] / 1e6;
			bytes = made[1];
			kept[run] = fetch(url, false)[0] / 1e6;
		}
		return new Timing(median(afresh), median(kept), statements, bytes);
	}

	/** The time in nanoseconds, the bytes and the statements of one whole answer. */
	long[] fetch(String url, boolean afresh) throws Exception {
		if (afresh) {
			this.jdbc.sql("update table_version set version = nextval('table_version_seq') where table_name not in ('geography', 'geography_member')")
				.update();
			this.jdbc.sql("update measure_version set version = nextval('table_version_seq') where measure_id = (select min(measure_id) from measure_version)")
				.update();
		}
		long statements = QueryCount.sentByAll();
		long start = System.nanoTime();
		HttpResponse<byte[]> answer = this.http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/json,*/*").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		long took = System.nanoTime() - start;
		assertThat(answer.statusCode()).as(url).isEqualTo(200);
		return new long[] { took, answer.body().length, QueryCount.sentByAll() - statements };
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
