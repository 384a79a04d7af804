package scot.goldenthread.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import scot.goldenthread.measures.StatusEngine.Baseline;
import scot.goldenthread.measures.StatusEngine.Comparison;
import scot.goldenthread.measures.StatusEngine.Judgement;
import scot.goldenthread.measures.StatusEngine.Point;
import scot.goldenthread.measures.StatusEngine.Target;
import scot.goldenthread.measures.StatusEngine.TargetKind;
import scot.goldenthread.measures.StatusEngine.Trend;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A measure's status and trends as they stood at a moment: the values, targets and tolerance then in
 * force. Asked for now it is today's view; asked for a past committee date it gives back what that
 * committee was shown, whatever was revised or retuned since.
 */
@Service
public class MeasureJudge {

	private static final String SCOTLAND = "S92000003";

	private final JdbcClient jdbc;

	private final MeasureCatalogue catalogue;

	private final Geographies geographies;

	MeasureJudge(JdbcClient jdbc, MeasureCatalogue catalogue, Geographies geographies) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.geographies = geographies;
	}

	public record Settings(Tolerance tolerance, Tolerance noChange) {

		static final Settings DEFAULT = new Settings(Tolerance.percent(5), Tolerance.absolute(0));

	}

	/**
	 * Everything a page or report shows of a measure's standing; {@code comparison} is with Scotland, and
	 * {@code familyGroup} is there when the measure names one.
	 */
	public record Assessment(Measure measure, String area, List<Point> series, List<Point> scotland, Baseline baseline,
			List<Target> targets, Judgement status, Trend shortTerm, Trend longTerm, Comparison comparison,
			FamilyGroup familyGroup, boolean stale, String statusWording, String trendWording) {

		public Optional<Point> latest() {
			return Optional.ofNullable(this.status.latest());
		}

	}

	/** A family group of councils: its name, its members' names, the average of their values, and how the place compares. */
	public record FamilyGroup(String code, String name, List<String> members, List<Point> series, Comparison comparison) {
	}

	public Assessment assess(Measure measure, Instant asAt, LocalDate today) {
		String area = (measure.area() != null) ? measure.area() : area(measure);
		List<Point> series = series(measure, area, asAt);
		List<Point> scotland = series(measure, SCOTLAND, asAt);
		List<Target> targets = targets(measure, asAt);
		Baseline baseline = this.jdbc.sql("""
				select period_start, value from measure_target where measure_id = ? and kind = 'baseline' and breakdown = ''
				and valid_from <= ? and (valid_to is null or valid_to > ?) order by valid_from desc limit 1""")
			.params(measure.id(), java.sql.Timestamp.from(asAt), java.sql.Timestamp.from(asAt))
			.query((rs, n) -> new Baseline(new Period(measure.periodType(), rs.getDate(1).toLocalDate()), rs.getDouble(2)))
			.optional()
			.orElse(null);
		Settings settings = settings(measure, asAt);
		Judgement status = StatusEngine.againstTarget(series, baseline, targets, measure.polarity(), settings.tolerance());
		Double target = (status.target() != null) ? status.target().value() : null;
		Trend shortTerm = StatusEngine.shortTerm(series, measure.polarity(), settings.noChange(), target);
		Trend longTerm = StatusEngine.longTerm(series, measure.polarity(), settings.noChange(), target);
		Comparison comparison = compare(status, scotland, measure, settings);
		FamilyGroup familyGroup = null;
		if (measure.familyGroup() != null) {
			java.util.Map<String, String> members = this.geographies.members(measure.familyGroup());
			List<Point> average = StatusEngine.average(members.keySet().stream().map((m) -> series(measure, m, asAt)).toList());
			familyGroup = new FamilyGroup(measure.familyGroup(), this.geographies.name(measure.familyGroup()),
					List.copyOf(members.values()), average, compare(status, average, measure, settings));
		}
		boolean stale = status.latest() != null
				&& StatusEngine.stale(status.latest().period(), today, java.time.Period.ofMonths(measure.periodType().months()));
		String trendWording = (measure.gap() != null)
				? StatusWording.gap(lowerCaseStart(measure.title()), series, status.target(), measure.format())
				: StatusWording.shortTerm(series, shortTerm, measure.format());
		return new Assessment(measure, area, series, scotland, baseline, targets, status, shortTerm, longTerm, comparison,
				familyGroup, stale, StatusWording.againstTarget(status, measure.format()), trendWording);
	}

	/** The latest value against a comparator's for the same period. */
	private static Comparison compare(Judgement status, List<Point> comparator, Measure measure, Settings settings) {
		return (status.latest() == null) ? Comparison.NO_DATA
				: StatusEngine.compare(status.latest().value(), StatusEngine.at(comparator, status.latest().period()).map(Point::value).orElse(null),
						measure.polarity(), settings.tolerance());
	}

	/**
	 * The values of a series as they stood at {@code asAt}: a value revised since counts as it was then, and one
	 * held for a person to confirm does not count until it is confirmed.
	 * A gap measure's series is derived from the two breakdowns of the measure it is the gap of.
	 */
	List<Point> series(Measure measure, String geography, Instant asAt) {
		if (measure.gap() != null) {
			Measure of = this.catalogue.measure(measure.gap().of()).orElseThrow();
			return StatusEngine.gap(series(of, geography, measure.gap().breakdown(measure.gap().higher()), asAt),
					series(of, geography, measure.gap().breakdown(measure.gap().lower()), asAt));
		}
		return series(measure, geography, "", asAt);
	}

	private List<Point> series(Measure measure, String geography, String breakdown, Instant asAt) {
		java.sql.Timestamp at = java.sql.Timestamp.from(asAt);
		return this.jdbc.sql("""
				select period_start, value from (
				    select o.period_start, o.value from observation o
				    where o.measure_id = ? and o.geography = ? and o.breakdown = ? and o.recorded_at <= ? and o.to_confirm is null
				    union all
				    select o.period_start, r.value from observation o join observation_revision r on r.observation_id = o.id
				    where o.measure_id = ? and o.geography = ? and o.breakdown = ? and r.recorded_at <= ? and r.superseded_at > ?
				) v order by period_start""")
			.params(measure.id(), geography, breakdown, at, measure.id(), geography, breakdown, at, at)
			.query((rs, n) -> new Point(new Period(measure.periodType(), rs.getDate(1).toLocalDate()), rs.getDouble(2)))
			.list();
	}

	List<Target> targets(Measure measure, Instant asAt) {
		java.sql.Timestamp at = java.sql.Timestamp.from(asAt);
		return this.jdbc.sql("""
				select kind, period_start, value from measure_target where measure_id = ? and kind <> 'baseline'
				and breakdown = '' and valid_from <= ? and (valid_to is null or valid_to > ?) order by period_start""")
			.params(measure.id(), at, at)
			.query((rs, n) -> new Target(scot.goldenthread.shared.Coded.of(TargetKind.class, rs.getString(1)).orElseThrow(),
					new Period(measure.periodType(), rs.getDate(2).toLocalDate()), rs.getDouble(3)))
			.list();
	}

	Settings settings(Measure measure, Instant asAt) {
		return this.jdbc.sql("""
				select percent, amount, no_change from measure_tolerance where measure_id = ? and valid_from <= ?
				order by valid_from desc limit 1""")
			.params(measure.id(), java.sql.Timestamp.from(asAt))
			.query((rs, n) -> {
				boolean percent = rs.getBoolean(1);
				return new Settings(new Tolerance(percent, rs.getDouble(2)), new Tolerance(percent, rs.getDouble(3)));
			})
			.optional()
			.orElse(Settings.DEFAULT);
	}

	/** "Numeracy attainment gap" reads "the numeracy attainment gap" mid-sentence; "SIMD ..." stays. */
	private static String lowerCaseStart(String title) {
		return (title.length() > 1 && Character.isLowerCase(title.charAt(1)))
				? Character.toLowerCase(title.charAt(0)) + title.substring(1) : title;
	}

	/** Where no area is set, the place other than Scotland with the most values. */
	private String area(Measure measure) {
		if (measure.gap() != null) {
			return area(this.catalogue.measure(measure.gap().of()).orElseThrow());
		}
		return this.jdbc.sql("""
				select geography from observation o join geography g on g.code = o.geography
				where measure_id = ? and g.level not in ('country', 'family-group')
				group by geography order by count(*) desc, geography limit 1""")
			.param(measure.id())
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
