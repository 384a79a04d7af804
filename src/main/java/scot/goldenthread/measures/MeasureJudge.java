package scot.goldenthread.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import scot.goldenthread.measures.StatusEngine.Baseline;
import scot.goldenthread.measures.StatusEngine.Comparison;
import scot.goldenthread.measures.StatusEngine.Judgement;
import scot.goldenthread.measures.StatusEngine.Point;
import scot.goldenthread.measures.StatusEngine.Target;
import scot.goldenthread.measures.StatusEngine.Trend;

import org.springframework.stereotype.Service;

/**
 * A measure's status and trends as they stood at a moment: the values, targets and tolerance then in
 * force. Asked for now it is today's view; asked for a past committee date it gives back what that
 * committee was shown, whatever was revised or retuned since.
 */
@Service
public class MeasureJudge {

	private static final String SCOTLAND = Geographies.SCOTLAND;

	private final MeasureData data;

	private final MeasureCatalogue catalogue;

	MeasureJudge(MeasureData data, MeasureCatalogue catalogue) {
		this.data = data;
		this.catalogue = catalogue;
	}

	public record Settings(Tolerance tolerance, Tolerance noChange) {

		static final Settings DEFAULT = new Settings(Tolerance.percent(5), Tolerance.absolute(0));

	}

	/**
	 * Everything a page or report shows of a measure's standing; {@code comparison} is with Scotland, and
	 * {@code familyGroup} is there when the measure names one.
	 */
	public record Assessment(Measure measure, String area, List<Point> series, List<Point> scotland, String scotlandBasis, Baseline baseline,
			List<Target> targets, List<String> targetWordings, Judgement status, Trend shortTerm, Trend longTerm, Comparison comparison,
			FamilyGroup familyGroup, Ranking ranking, boolean stale, String statusWording, String trendWording) {

		public Optional<Point> latest() {
			return Optional.ofNullable(this.status.latest());
		}

		/** Scotland's value for the period of the latest, where it has one. */
		public Point scotlandThen() {
			return latest().flatMap((p) -> StatusEngine.at(this.scotland, p.period())).orElse(null);
		}

		/** The family group's value for the period of the latest, where it has one. */
		public Point familyGroupThen() {
			return (this.familyGroup == null) ? null : latest().flatMap((p) -> StatusEngine.at(this.familyGroup.series(), p.period())).orElse(null);
		}

		/** Whether the present rate reaches each target still ahead, in plain English. */
		public List<String> forecasts() {
			return Forecast.towards(this.series, this.targets, this.measure.polarity()).stream()
				.map((projection) -> StatusWording.forecast(projection, this.measure.format())).toList();
		}

	}

	/**
	 * A family group of councils: its name, its members' names, its values, and how the place compares; {@code basis} says
	 * how its values came to be: as published, or worked out from its members'.
	 */
	public record FamilyGroup(String code, String name, List<String> members, List<Point> series, String basis, Comparison comparison) {
	}

	/**
	 * Where a council's latest value ranks among all councils', 1 the best, and its quartile, 1 the best, as LGBF ranks
	 * them: only where the measure says which way is good.
	 */
	public record Ranking(int rank, int of, int quartile) {

		static Ranking of(long[] standing, Polarity polarity) {
			if (standing == null || standing[0] < 4) {
				return null;
			}
			int of = (int) standing[0];
			int rank = switch (polarity) {
				case HIGHER_IS_BETTER -> (int) standing[1] + 1;
				case LOWER_IS_BETTER -> (int) standing[2] + 1;
				default -> 0;
			};
			return (rank == 0) ? null : new Ranking(rank, of, Math.min(4, (rank - 1) * 4 / of + 1));
		}

		public String wording() {
			return "Ranked " + this.rank + " of " + this.of + " councils: quartile " + this.quartile
					+ ((this.quartile == 1) ? ", the best" : (this.quartile == 4) ? ", the worst" : "");
		}

	}

	/** How a group's values came to be, in plain words, from what {@link MeasureData#groupValues} gave. */
	static String basis(List<MeasureData.GroupValue> values, String members) {
		return values.stream().anyMatch(MeasureData.GroupValue::mean) ? "the unweighted mean of " + members + " values"
				: "worked out from " + members + " numerators and denominators";
	}

	public Assessment assess(Measure measure, Instant asAt, LocalDate today) {
		return assess(List.of(measure), asAt, today).get(0);
	}

	/**
	 * Every measure's standing at once, in the order given, read in a fixed number of queries however many
	 * measures there are; the rules are {@link StatusEngine}'s.
	 */
	public List<Assessment> assess(List<Measure> measures, Instant asAt, LocalDate today) {
		if (measures.isEmpty()) {
			return List.of();
		}
		Map<Long, Measure> asked = new LinkedHashMap<>();
		measures.forEach((m) -> asked.put(m.id(), m));
		// a gap measure's values are worked out from those of the measure it is the gap of
		Map<String, Measure> sources = measures.stream().anyMatch((m) -> m.gap() != null)
				? this.catalogue.measures().stream().collect(Collectors.toMap(Measure::code, (m) -> m)) : Map.of();
		Map<Long, Measure> read = new HashMap<>();
		measures.forEach((m) -> read.put(source(m, sources).id(), source(m, sources)));
		Map<Long, String> busiest = this.data.busiestPlaces(measures.stream().filter((m) -> m.area() == null)
			.map((m) -> source(m, sources).id()).distinct().toList());
		// by position: one measure may be asked for many places, each with its own family group
		List<String> areas = measures.stream().map((m) -> area(m, sources, busiest)).toList();
		List<String> groupOf = new ArrayList<>();
		for (int i = 0; i < measures.size(); i++) {
			groupOf.add(familyGroup(measures.get(i), areas.get(i)));
		}
		Map<String, MeasureData.FamilyGroupMembers> groups = this.data.familyGroups(groupOf.stream().filter(Objects::nonNull).distinct().toList());
		Set<MeasureData.Key> keys = new LinkedHashSet<>();
		for (int i = 0; i < measures.size(); i++) {
			Measure m = measures.get(i);
			for (String place : places(m, areas.get(i), groupOf.get(i))) {
				breakdowns(m).forEach((breakdown) -> keys.add(new MeasureData.Key(source(m, sources).id(), place, breakdown)));
			}
		}
		Map<MeasureData.Key, List<Point>> values = this.data.series(keys, read, asAt);
		// where no value of its own is published, a group's is worked out from its members', once for all the places asked
		List<String> councils = this.data.councilAreas();
		Set<MeasureData.Group> worked = new LinkedHashSet<>();
		for (int i = 0; i < measures.size(); i++) {
			Measure m = measures.get(i);
			String group = groupOf.get(i);
			if (m.gap() == null && !values.containsKey(new MeasureData.Key(m.id(), SCOTLAND, ""))) {
				worked.add(workedOut(m, SCOTLAND, councils, groups));
			}
			if (m.gap() == null && group != null && groups.containsKey(group) && !groups.get(group).members().isEmpty()
					&& !values.containsKey(new MeasureData.Key(m.id(), group, ""))) {
				worked.add(workedOut(m, group, councils, groups));
			}
		}
		Map<MeasureData.Group, List<MeasureData.GroupValue>> groupValues = this.data.groupValues(worked, read, asAt);
		Map<MeasureData.Key, Point> latest = new LinkedHashMap<>();
		for (int i = 0; i < measures.size(); i++) {
			Measure m = measures.get(i);
			MeasureData.Key key = new MeasureData.Key(m.id(), Objects.requireNonNullElse(areas.get(i), ""), "");
			List<Point> series = values.getOrDefault(key, List.of());
			if (m.gap() == null && !series.isEmpty() && (m.polarity() == Polarity.HIGHER_IS_BETTER || m.polarity() == Polarity.LOWER_IS_BETTER)) {
				latest.put(key, series.get(series.size() - 1));
			}
		}
		Map<MeasureData.Key, long[]> standings = this.data.standings(latest, asAt);
		Map<Long, List<MeasureData.SetTarget>> targets = this.data.targets(asked, asAt);
		Map<Long, Baseline> baselines = this.data.baselines(asked, asAt);
		Map<Long, Settings> settings = this.data.settings(asked, asAt);
		List<Assessment> assessments = new ArrayList<>();
		for (int i = 0; i < measures.size(); i++) {
			Measure m = measures.get(i);
			Measure source = source(m, sources);
			Function<String, List<Point>> series = (place) -> (m.gap() != null)
					? StatusEngine.gap(values.getOrDefault(new MeasureData.Key(source.id(), place, m.gap().breakdown(m.gap().higher())), List.of()),
							values.getOrDefault(new MeasureData.Key(source.id(), place, m.gap().breakdown(m.gap().lower())), List.of()))
					: values.getOrDefault(new MeasureData.Key(m.id(), place, ""), List.of());
			String group = groupOf.get(i);
			Function<String, List<MeasureData.GroupValue>> workedOut = (code) -> groupValues.getOrDefault(workedOut(m, code, councils, groups),
					List.of());
			assessments.add(assess(m, areas.get(i), series, workedOut, targets.getOrDefault(m.id(), List.of()), baselines.get(m.id()),
					settings.getOrDefault(m.id(), Settings.DEFAULT), group, (group != null) ? groups.get(group) : null,
					Ranking.of(standings.get(new MeasureData.Key(m.id(), Objects.requireNonNullElse(areas.get(i), ""), "")), m.polarity()),
					today));
		}
		return assessments;
	}

	/** Scotland (from every council, for the periods all of them have) or a family group, to work out from its members. */
	private static MeasureData.Group workedOut(Measure measure, String code, List<String> councils,
			Map<String, MeasureData.FamilyGroupMembers> groups) {
		return SCOTLAND.equals(code) ? new MeasureData.Group(measure.id(), code, councils, true)
				: new MeasureData.Group(measure.id(), code, groups.containsKey(code) ? groups.get(code).members().keySet() : List.of(), false);
	}

	/** The family group a measure's place is compared with: the one it names, or the one its place's publisher gives. */
	private static String familyGroup(Measure measure, String area) {
		return (measure.familyGroup() != null) ? measure.familyGroup() : (area != null) ? Geographies.familyGroupOf(area) : null;
	}

	/** One measure's standing, from what was read for it: the pure part of judging. */
	private static Assessment assess(Measure measure, String area, Function<String, List<Point>> values,
			Function<String, List<MeasureData.GroupValue>> workedOut, List<MeasureData.SetTarget> set, Baseline baseline, Settings settings,
			String groupCode, MeasureData.FamilyGroupMembers group, Ranking ranking, LocalDate today) {
		List<Target> targets = set.stream().map(MeasureData.SetTarget::target).toList();
		List<String> targetWordings = set.stream().map((t) -> StatusWording.target(t.target(), t.basis(), measure.format())).toList();
		// a measure judged on its rolling average is compared on its comparators' too
		java.util.function.UnaryOperator<List<Point>> judged = (points) -> (measure.rollingYears() != null)
				? StatusEngine.rolling(points, measure.rollingYears()) : points;
		List<Point> series = judged.apply(values.apply(area));
		// a published value is used as published, never worked out again over it
		List<Point> scotland = judged.apply(values.apply(SCOTLAND));
		String scotlandBasis = null;
		if (values.apply(SCOTLAND).isEmpty() && !workedOut.apply(SCOTLAND).isEmpty()) {
			scotland = judged.apply(workedOut.apply(SCOTLAND).stream().map(MeasureData.GroupValue::point).toList());
			scotlandBasis = basis(workedOut.apply(SCOTLAND), "the councils'");
		}
		Judgement status = StatusEngine.againstTarget(series, baseline, targets, measure.polarity(), settings.tolerance());
		Double target = (status.target() != null) ? status.target().value() : null;
		Trend shortTerm = StatusEngine.shortTerm(series, measure.polarity(), settings.noChange(), target);
		Trend longTerm = StatusEngine.longTerm(series, measure.polarity(), settings.noChange(), target);
		Comparison comparison = compare(status, scotland, measure, settings);
		FamilyGroup familyGroup = null;
		List<Point> published = (group != null) ? judged.apply(values.apply(groupCode)) : List.of();
		if (!published.isEmpty()) {
			familyGroup = new FamilyGroup(groupCode, group.name(), List.copyOf(group.members().values()), published, "as published",
					compare(status, published, measure, settings));
		}
		else if (group != null && !workedOut.apply(groupCode).isEmpty()) {
			List<Point> average = judged.apply(workedOut.apply(groupCode).stream().map(MeasureData.GroupValue::point).toList());
			familyGroup = new FamilyGroup(groupCode, group.name(), List.copyOf(group.members().values()), average,
					basis(workedOut.apply(groupCode), "its councils'"), compare(status, average, measure, settings));
		}
		boolean stale = status.latest() != null
				&& StatusEngine.stale(status.latest().period(), today, java.time.Period.ofMonths(measure.periodType().months()));
		String trendWording = (measure.gap() != null)
				? StatusWording.gap(lowerCaseStart(measure.title()), series, status.target(), measure.format())
				: StatusWording.shortTerm(series, shortTerm, measure.format());
		return new Assessment(measure, area, series, scotland, scotlandBasis, baseline, targets, targetWordings, status, shortTerm, longTerm, comparison,
				familyGroup, ranking, stale, StatusWording.againstTarget(status, measure.format()), trendWording);
	}

	/** The measure whose values are read: a gap measure's source, or the measure itself. */
	private static Measure source(Measure measure, Map<String, Measure> sources) {
		return (measure.gap() != null) ? sources.get(measure.gap().of()) : measure;
	}

	/** Where the measure is judged: its area or, where none is set, the place other than Scotland with the most values. */
	private static String area(Measure measure, Map<String, Measure> sources, Map<Long, String> busiest) {
		return (measure.area() != null) ? measure.area() : busiest.get(source(measure, sources).id());
	}

	/** The places whose series a measure's assessment reads: its own, Scotland's and its family group's, as published. */
	private static List<String> places(Measure measure, String area, String group) {
		List<String> places = new ArrayList<>();
		if (area != null) {
			places.add(area);
		}
		places.add(SCOTLAND);
		if (group != null) {
			places.add(group);
		}
		return places;
	}

	private static List<String> breakdowns(Measure measure) {
		return (measure.gap() != null) ? List.of(measure.gap().breakdown(measure.gap().higher()), measure.gap().breakdown(measure.gap().lower()))
				: List.of("");
	}

	/** The latest value against a comparator's for the same period. */
	private static Comparison compare(Judgement status, List<Point> comparator, Measure measure, Settings settings) {
		return (status.latest() == null) ? Comparison.NO_DATA
				: StatusEngine.compare(status.latest().value(), StatusEngine.at(comparator, status.latest().period()).map(Point::value).orElse(null),
						measure.polarity(), settings.tolerance());
	}

	/** "Numeracy attainment gap" reads "the numeracy attainment gap" mid-sentence; "SIMD ..." stays. */
	private static String lowerCaseStart(String title) {
		return (title.length() > 1 && Character.isLowerCase(title.charAt(1)))
				? Character.toLowerCase(title.charAt(0)) + title.substring(1) : title;
	}

}
