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

	private static final String SCOTLAND = "S92000003";

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
	public record Assessment(Measure measure, String area, List<Point> series, List<Point> scotland, Baseline baseline,
			List<Target> targets, Judgement status, Trend shortTerm, Trend longTerm, Comparison comparison,
			FamilyGroup familyGroup, boolean stale, String statusWording, String trendWording) {

		public Optional<Point> latest() {
			return Optional.ofNullable(this.status.latest());
		}

		/** Whether the present rate reaches each target still ahead, in plain English. */
		public List<String> forecasts() {
			return Forecast.towards(this.series, this.targets, this.measure.polarity()).stream()
				.map((projection) -> StatusWording.forecast(projection, this.measure.format())).toList();
		}

	}

	/** A family group of councils: its name, its members' names, the average of their values, and how the place compares. */
	public record FamilyGroup(String code, String name, List<String> members, List<Point> series, Comparison comparison) {
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
		Map<String, MeasureData.FamilyGroupMembers> groups = this.data.familyGroups(measures.stream().map(Measure::familyGroup)
			.filter(Objects::nonNull).distinct().toList());
		Set<MeasureData.Key> keys = new LinkedHashSet<>();
		for (Measure m : measures) {
			for (String place : places(m, area(m, sources, busiest), groups)) {
				breakdowns(m).forEach((breakdown) -> keys.add(new MeasureData.Key(source(m, sources).id(), place, breakdown)));
			}
		}
		Map<MeasureData.Key, List<Point>> values = this.data.series(keys, read, asAt);
		Map<Long, List<Target>> targets = this.data.targets(asked, asAt);
		Map<Long, Baseline> baselines = this.data.baselines(asked, asAt);
		Map<Long, Settings> settings = this.data.settings(asked, asAt);
		return measures.stream().map((m) -> {
			Measure source = source(m, sources);
			Function<String, List<Point>> series = (place) -> (m.gap() != null)
					? StatusEngine.gap(values.getOrDefault(new MeasureData.Key(source.id(), place, m.gap().breakdown(m.gap().higher())), List.of()),
							values.getOrDefault(new MeasureData.Key(source.id(), place, m.gap().breakdown(m.gap().lower())), List.of()))
					: values.getOrDefault(new MeasureData.Key(m.id(), place, ""), List.of());
			return assess(m, area(m, sources, busiest), series, targets.getOrDefault(m.id(), List.of()), baselines.get(m.id()),
					settings.getOrDefault(m.id(), Settings.DEFAULT), (m.familyGroup() != null) ? groups.get(m.familyGroup()) : null, today);
		}).toList();
	}

	/** One measure's standing, from what was read for it: the pure part of judging. */
	private static Assessment assess(Measure measure, String area, Function<String, List<Point>> values, List<Target> targets,
			Baseline baseline, Settings settings, MeasureData.FamilyGroupMembers group, LocalDate today) {
		List<Point> series = values.apply(area);
		List<Point> scotland = values.apply(SCOTLAND);
		Judgement status = StatusEngine.againstTarget(series, baseline, targets, measure.polarity(), settings.tolerance());
		Double target = (status.target() != null) ? status.target().value() : null;
		Trend shortTerm = StatusEngine.shortTerm(series, measure.polarity(), settings.noChange(), target);
		Trend longTerm = StatusEngine.longTerm(series, measure.polarity(), settings.noChange(), target);
		Comparison comparison = compare(status, scotland, measure, settings);
		FamilyGroup familyGroup = null;
		if (group != null) {
			List<Point> average = StatusEngine.average(group.members().keySet().stream().map(values).toList());
			familyGroup = new FamilyGroup(measure.familyGroup(), group.name(), List.copyOf(group.members().values()), average,
					compare(status, average, measure, settings));
		}
		boolean stale = status.latest() != null
				&& StatusEngine.stale(status.latest().period(), today, java.time.Period.ofMonths(measure.periodType().months()));
		String trendWording = (measure.gap() != null)
				? StatusWording.gap(lowerCaseStart(measure.title()), series, status.target(), measure.format())
				: StatusWording.shortTerm(series, shortTerm, measure.format());
		return new Assessment(measure, area, series, scotland, baseline, targets, status, shortTerm, longTerm, comparison,
				familyGroup, stale, StatusWording.againstTarget(status, measure.format()), trendWording);
	}

	/** The measure whose values are read: a gap measure's source, or the measure itself. */
	private static Measure source(Measure measure, Map<String, Measure> sources) {
		return (measure.gap() != null) ? sources.get(measure.gap().of()) : measure;
	}

	/** Where the measure is judged: its area or, where none is set, the place other than Scotland with the most values. */
	private static String area(Measure measure, Map<String, Measure> sources, Map<Long, String> busiest) {
		return (measure.area() != null) ? measure.area() : busiest.get(source(measure, sources).id());
	}

	/** The places whose series a measure's assessment reads: its own, Scotland's and its family group's members'. */
	private static List<String> places(Measure measure, String area, Map<String, MeasureData.FamilyGroupMembers> groups) {
		List<String> places = new ArrayList<>();
		if (area != null) {
			places.add(area);
		}
		places.add(SCOTLAND);
		if (measure.familyGroup() != null && groups.containsKey(measure.familyGroup())) {
			places.addAll(groups.get(measure.familyGroup()).members().keySet());
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
