package scot.goldenthread.places;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.Polarity;
import scot.goldenthread.measures.SmallAreas;
import scot.goldenthread.measures.SmallAreas.Zone;
import scot.goldenthread.places.Aggregation.Band;

import org.springframework.stereotype.Service;

/**
 * Where outcomes are poorest in a council: its intermediate zones, localities or wards ranked on a measure or a SIMD
 * domain, each with how far it is from the council and Scotland on every criterion chosen, so a partnership can show
 * the evidence for choosing its priority localities.
 */
@Service
public class PoorestPlaces {

	/** The levels a council's places are ranked at. */
	static final Map<String, String> LEVELS = Map.of("intermediate-zone", "Intermediate zones", "locality", "Localities", "ward", "Multi-member wards");

	/** The SIMD criteria: the overall rank and each domain's, as the share of data zones among Scotland's most deprived 20%. */
	static final String SIMD = "simd:";

	private final SmallAreas areas;

	private final PlaceFigures figures;

	private final Localities localities;

	PoorestPlaces(SmallAreas areas, PlaceFigures figures, Localities localities) {
		this.areas = areas;
		this.figures = figures;
		this.localities = localities;
	}

	/** A criterion a place is ranked on: a measure, or a SIMD domain ("overall" for the index itself). */
	public record Criterion(String key, String title, Measure measure, String domain) {

		boolean worseIsHigher() {
			return this.measure == null || this.measure.polarity() != Polarity.HIGHER_IS_BETTER;
		}

		String value(double value) {
			return (this.measure == null) ? String.format(Locale.UK, "%.1f%%", value)
					: this.measure.unit().format(value, this.measure.decimals(), this.measure.ratePer());
		}

		/** "+5.1 points", "-12 per 10,000": a difference in the criterion's terms. */
		String difference(double value) {
			if (this.measure == null) {
				return String.format(Locale.UK, "%+.1f points", value);
			}
			String written = QuintileGap.difference(this.measure, value);
			return ((value > 0) ? "+" : (value < 0) ? "-" : "") + written;
		}

	}

	/** A criterion's figures for one place beside its council's and Scotland's. */
	public record Cell(Double value, Double council, Double scotland) {
	}

	public record Ranked(int rank, String code, String name, List<Cell> cells) {
	}

	/** {@code places}: what was ranked, "Intermediate zones" or "Localities (Multi-member wards)". */
	public record Ranking(String council, String places, List<Criterion> criteria, Criterion rankedBy, List<Ranked> rows) {

		public String value(int column, Cell cell) {
			return (cell.value() == null) ? "No value" : this.criteria.get(column).value(cell.value());
		}

		/** "+5.1 points on the council, +7.0 points on Scotland". */
		public String against(int column, Cell cell) {
			Criterion c = this.criteria.get(column);
			List<String> against = new ArrayList<>();
			if (cell.value() != null && cell.council() != null) {
				against.add(c.difference(cell.value() - cell.council()) + " on the council");
			}
			if (cell.value() != null && cell.scotland() != null) {
				against.add(c.difference(cell.value() - cell.scotland()) + " on Scotland");
			}
			return String.join(", ", against);
		}

		/** A cell as the evidence kept with a choice shows it. */
		String written(int column, Cell cell) {
			String against = against(column, cell);
			return value(column, cell) + (against.isEmpty() ? "" : " (" + against + ")");
		}

		Priorities.Evidence evidence(String councilName) {
			List<Priorities.EvidenceRow> rows = this.rows.stream().map((r) -> {
				List<String> figures = new ArrayList<>();
				for (int i = 0; i < r.cells().size(); i++) {
					figures.add(written(i, r.cells().get(i)));
				}
				return new Priorities.EvidenceRow(r.code(), r.name(), r.rank(), figures);
			}).toList();
			return new Priorities.Evidence(councilName, this.places, this.rankedBy.title(),
					this.criteria.stream().map(Criterion::title).toList(), rows);
		}

	}

	/** Every criterion there is: each public data-zone measure, then SIMD overall and by domain. */
	List<Criterion> criteria() {
		List<Criterion> criteria = new ArrayList<>();
		this.figures.measures(false).forEach((m) -> criteria.add(new Criterion(m.code(), m.title(), m, null)));
		criteria.add(new Criterion(SIMD + "overall", "SIMD: data zones among the 20% most deprived", null, "overall"));
		SmallAreas.DOMAINS.forEach((d) -> criteria.add(new Criterion(SIMD + d, "SIMD " + d + " domain: data zones among the 20% most deprived", null, d)));
		return criteria;
	}

	/** The council's sets of localities, by name. */
	List<String> sets(String council) {
		return this.localities.of(council).stream().map(Localities.Locality::setName).distinct().toList();
	}

	/** The places of the level in the council (of one set of its localities), by code, each with its data zones. */
	Map<String, List<Zone>> places(String council, String level, String set) {
		Map<String, List<Zone>> places = new LinkedHashMap<>();
		if ("locality".equals(level)) {
			Map<String, Zone> zones = this.areas.zones();
			this.localities.of(council).stream().filter((l) -> l.setName().equals(set))
				.forEach((l) -> places.put(l.code(), l.dataZones().stream().map(zones::get).toList()));
			return places;
		}
		for (Zone zone : this.areas.zones().values()) {
			if (zone.council().equals(council)) {
				places.computeIfAbsent("ward".equals(level) ? zone.ward() : zone.intermediateZone(), (k) -> new ArrayList<>()).add(zone);
			}
		}
		return places;
	}

	Ranking rank(String council, String level, String set, List<Criterion> chosen, Criterion rankedBy) {
		Map<String, List<Zone>> places = places(council, level, set);
		Map<String, String> names = this.areas.names(level);
		List<Zone> councilZones = places.values().stream().flatMap(List::stream).toList();
		List<String> compared = new ArrayList<>(places.keySet());
		compared.addAll(List.of(council, PlaceFigures.SCOTLAND));
		Map<String, PlaceFigures.Figures> byMeasure = this.figures.of(chosen.stream().map(Criterion::measure).filter(Objects::nonNull).toList(),
				compared);
		List<Ranked> rows = new ArrayList<>();
		for (Map.Entry<String, List<Zone>> place : places.entrySet()) {
			List<Cell> cells = new ArrayList<>();
			for (Criterion c : chosen) {
				cells.add(cell(c, place.getKey(), place.getValue(), council, councilZones, byMeasure.get(c.key())));
			}
			rows.add(new Ranked(0, place.getKey(), names.getOrDefault(place.getKey(), place.getKey()), cells));
		}
		int by = chosen.indexOf(rankedBy);
		Comparator<Ranked> worstFirst = Comparator.comparing((Ranked r) -> r.cells().get(by).value(),
				Comparator.nullsLast(rankedBy.worseIsHigher() ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder()));
		List<Ranked> sorted = rows.stream().sorted(worstFirst.thenComparing(Ranked::name)).toList();
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Ranked r = sorted.get(i);
			ranked.add(new Ranked(i + 1, r.code(), r.name(), r.cells()));
		}
		return new Ranking(council, "locality".equals(level) ? LEVELS.get(level) + " (" + set + ")" : LEVELS.get(level), chosen, rankedBy, ranked);
	}

	private static Cell cell(Criterion c, String place, List<Zone> zones, String council, List<Zone> councilZones, PlaceFigures.Figures f) {
		if (c.measure() == null) {
			return new Cell(mostDeprivedShare(zones, c.domain()), mostDeprivedShare(councilZones, c.domain()), 20.0);
		}
		if (f == null) {
			return new Cell(null, null, null);
		}
		return new Cell(value(f, place), value(f, council), value(f, PlaceFigures.SCOTLAND));
	}

	private static Double value(PlaceFigures.Figures f, String place) {
		return f.latest(place, Band.ALL).map(Aggregation.Figure::value).orElse(null);
	}

	/** The share of the data zones ranked among Scotland's 20% most deprived, overall or on one domain. */
	static double mostDeprivedShare(List<Zone> zones, String domain) {
		if (zones.isEmpty()) {
			return 0;
		}
		long deprived = zones.stream().map((z) -> "overall".equals(domain) ? Double.valueOf(z.rank()) : z.domainRanks().get(domain))
			.filter((rank) -> rank != null && rank <= SimdProfile.MOST_DEPRIVED_RANK)
			.count();
		return 100.0 * deprived / zones.size();
	}

	Optional<Criterion> criterion(String key) {
		return criteria().stream().filter((c) -> c.key().equals(key)).findFirst();
	}

}
