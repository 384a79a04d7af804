package scot.goldenthread.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scot.goldenthread.audit.TableVersions;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Every measure's standing today, each kept until what it is judged on changes: its values, targets, tolerance or
 * definition (PostgreSQL notes each measure's version, V26), or a gap measure's source's; the places and family groups
 * all measures are judged among; or the day. The list of all measures then judges again only the few that changed,
 * however many there are; {@link MeasureJudge} stays where the rules are applied.
 */
@Service
public class KeptJudgements {

	/** What every measure's judgement rests on besides its own rows. */
	private static final Set<String> SHARED = Set.of("geography", "geography_member");

	private static final int CHUNK = 1000;

	private static final Logger log = LoggerFactory.getLogger(KeptJudgements.class);

	private final MeasureJudge judge;

	private final JdbcClient jdbc;

	private final TableVersions versions;

	private final Clock clock;

	/** A judgement and the versions, of its measure and of what it shares with all, it was made at. */
	private record Kept(String version, MeasureJudge.Assessment assessment) {
	}

	private final Cache<Long, Kept> kept = Caffeine.newBuilder().maximumSize(50_000).build();

	private final MeasureCatalogue catalogue;

	KeptJudgements(MeasureJudge judge, MeasureCatalogue catalogue, JdbcClient jdbc, TableVersions versions, Clock clock) {
		this.judge = judge;
		this.catalogue = catalogue;
		this.jdbc = jdbc;
		this.versions = versions;
		this.clock = clock;
	}

	/**
	 * Judges every published measure before anyone asks: after a start, and just after midnight, when every judgement
	 * is of yesterday. At fifty times the demo that is 20 seconds the first visitor would otherwise wait.
	 */
	@Scheduled(cron = "${goldenthread.measures.judge-ahead:5 0 0 * * *}")
	void judgeEveryMeasure() {
		long start = System.nanoTime();
		List<Measure> all = this.catalogue.measures();
		List<Measure> published = all.stream().filter(Measure::published).toList();
		today(published, all);
		log.info("Judged {} measures ahead of the first to ask, in {} ms", published.size(), (System.nanoTime() - start) / 1_000_000);
	}

	@EventListener(condition = "@environment.getProperty('goldenthread.measures.judge-after-start', 'true') == 'true'")
	void judgeAfterStart(ApplicationReadyEvent ready) {
		ready.getApplicationContext().getBean(TaskScheduler.class).schedule(this::judgeEveryMeasure, this.clock.instant());
	}

	/** The measures judged as they stand today, in the order given; {@code all} holds every measure a gap measure may be of. */
	public List<MeasureJudge.Assessment> today(List<Measure> measures, List<Measure> all) {
		Map<String, Measure> byCode = all.stream().collect(Collectors.toMap(Measure::code, (m) -> m));
		LocalDate today = LocalDate.now(this.clock);
		String shared = this.versions.now().tag(SHARED) + " " + today;
		Map<Long, Long> of = new HashMap<>();
		this.jdbc.sql("select measure_id, version from measure_version").query((java.sql.ResultSet rs) -> {
			of.put(rs.getLong(1), rs.getLong(2));
		});
		Map<Long, String> version = new HashMap<>();
		for (Measure m : measures) {
			Measure source = (m.gap() != null) ? byCode.get(m.gap().of()) : m;
			version.put(m.id(), shared + " " + of.get(m.id()) + " " + ((source != null) ? of.get(source.id()) : null));
		}
		Map<Long, MeasureJudge.Assessment> found = new HashMap<>();
		List<Measure> stale = new ArrayList<>();
		for (Measure m : measures) {
			Kept k = this.kept.getIfPresent(m.id());
			if (k != null && k.version().equals(version.get(m.id()))) {
				found.put(m.id(), k.assessment());
			}
			else {
				stale.add(m);
			}
		}
		// a thousand at a time, so that judging every measure afresh (after a start, or a new day) holds only so many series at once
		for (int from = 0; from < stale.size(); from += CHUNK) {
			for (MeasureJudge.Assessment a : this.judge.assess(stale.subList(from, Math.min(from + CHUNK, stale.size())), this.clock.instant(), today)) {
				this.kept.put(a.measure().id(), new Kept(version.get(a.measure().id()), a));
				found.put(a.measure().id(), a);
			}
		}
		return measures.stream().map((m) -> found.get(m.id())).toList();
	}

}
