package scot.goldenthread.places;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.Polarity;
import scot.goldenthread.measures.SmallAreas.Place;
import scot.goldenthread.measures.SmallAreas.Zone;
import scot.goldenthread.measures.SmallAreas;
import scot.goldenthread.places.Aggregation.Band;
import scot.goldenthread.places.Aggregation.Figure;

import org.springframework.stereotype.Service;

/**
 * What a place's page says: who lives there and how deprived its data zones are, and every public data-zone measure
 * for it beside its council and Scotland, with the gap between its most and least deprived fifth.
 */
@Service
public class PlaceProfiles {

	/** The places a profile is made for: every place made of data zones. */
	static final Set<String> LEVELS = Set.of("country", "council-area", "locality", "ward", "intermediate-zone");

	private final SmallAreas areas;

	private final PlaceFigures figures;

	private final Localities localities;

	PlaceProfiles(SmallAreas areas, PlaceFigures figures, Localities localities) {
		this.areas = areas;
		this.figures = figures;
		this.localities = localities;
	}

	/** A place with its council (itself for a council, none for Scotland) and, for a locality, how it was drawn. */
	public record Where(Place place, Place council, Localities.Locality locality) {

		public String levelWording() {
			return switch (this.place.level()) {
				case "country" -> "Country";
				case "council-area" -> "Council area";
				case "locality" -> "Locality of " + this.council.name();
				case "ward" -> "Multi-member ward of " + this.council.name();
				default -> "Intermediate zone of " + this.council.name();
			};
		}

		public boolean atCouncilLevel() {
			return "council-area".equals(this.place.level());
		}

		public boolean atCountryLevel() {
			return "country".equals(this.place.level());
		}

	}

	/** One measure for the place, its council and Scotland in the latest period, with its quintile gap. */
	public record Row(Measure measure, String period, String method, Figure here, Figure council, Figure scotland, QuintileGap gap,
			List<Figure> quintiles) {

		public String value(Figure figure) {
			return (figure == null) ? "No value" : this.measure.unit().format(figure.value(), this.measure.decimals(), this.measure.ratePer());
		}

		/** "higher than Clackmannanshire's (worse)", as far as the measure says which way is better. */
		public String against(Figure other, String name) {
			if (this.here == null || other == null) {
				return "";
			}
			String a = value(this.here);
			String b = value(other);
			if (a.equals(b)) {
				return "the same as " + name + "'s";
			}
			boolean higher = this.here.value() > other.value();
			String judged = switch (this.measure.polarity()) {
				case HIGHER_IS_BETTER -> higher ? " (better)" : " (worse)";
				case LOWER_IS_BETTER -> higher ? " (worse)" : " (better)";
				default -> "";
			};
			return (higher ? "higher than " : "lower than ") + name + "'s " + b + judged;
		}

	}

	public record Profile(Where where, SimdProfile simd, List<Zone> zones, List<Row> rows, List<Localities.Locality> localities) {
	}

	Optional<Where> where(String code) {
		return this.areas.place(code).filter((p) -> LEVELS.contains(p.level())).map((place) -> {
			Place council = switch (place.level()) {
				case "council-area" -> place;
				case "country" -> null;
				default -> this.areas.place(place.parent()).orElseThrow();
			};
			return new Where(place, council, "locality".equals(place.level()) ? this.localities.find(code).orElse(null) : null);
		});
	}

	/** The data zones a place is made of. */
	List<Zone> zones(Where where) {
		Collection<Zone> all = this.areas.zones().values();
		String code = where.place().code();
		return switch (where.place().level()) {
			case "country" -> List.copyOf(all);
			case "council-area" -> all.stream().filter((z) -> z.council().equals(code)).toList();
			case "ward" -> all.stream().filter((z) -> code.equals(z.ward())).toList();
			case "intermediate-zone" -> all.stream().filter((z) -> z.intermediateZone().equals(code)).toList();
			default -> (where.locality() == null) ? List.of()
					: where.locality().dataZones().stream().map(this.areas.zones()::get).toList();
		};
	}

	Optional<Profile> profile(String code) {
		return where(code).map((where) -> {
			List<Zone> zones = zones(where);
			List<Row> rows = rows(where, zones, this.figures.measures(false));
			List<Localities.Locality> drawn = where.atCouncilLevel() ? this.localities.of(code) : List.of();
			return new Profile(where, SimdProfile.of(zones), zones, rows, drawn);
		});
	}

	/** One measure's row for the place, or the first public data-zone measure's where none is asked for: a chart's. */
	Optional<Row> row(Where where, String measure) {
		List<Measure> measures = this.figures.measures(false);
		return measures.stream().filter((m) -> m.code().equals(measure)).findFirst().or(() -> measures.stream().findFirst())
			.flatMap((m) -> rows(where, zones(where), List.of(m)).stream().findFirst());
	}

	/**
	 * The measures' rows for the place: its gap followed through every period from its own data zones, its council and
	 * Scotland in the latest period as kept for every page.
	 */
	private List<Row> rows(Where where, List<Zone> zones, List<Measure> measures) {
		Map<String, PlaceFigures.Figures> across = this.figures.acrossScotland(measures);
		List<Row> rows = new ArrayList<>();
		this.figures.throughout(measures, where.place().code(), zones).values()
			.forEach((f) -> rows.add(row(f, across.get(f.measure().code()), where)));
		return rows;
	}

	/** A measure's row from the place's figures {@code f} and Scotland's and the councils' {@code across}. */
	private static Row row(PlaceFigures.Figures f, PlaceFigures.Figures across, Where where) {
		String code = where.place().code();
		List<Figure> quintiles = new ArrayList<>();
		for (int q = 1; q <= 5; q++) {
			quintiles.add(f.latest(code, Band.quintile(q)).orElse(null));
		}
		return new Row(f.measure(), f.latest().map((p) -> p.label()).orElse(""), f.method().wording(), f.latest(code, Band.ALL).orElse(null),
				(where.council() == null) ? null : across.latest(where.council().code(), Band.ALL).orElse(null),
				across.latest(PlaceFigures.SCOTLAND, Band.ALL).orElse(null), f.gap(code, where.place().name()), quintiles);
	}

	/** A public measure published for data zones. */
	Optional<Measure> measure(String code) {
		return this.figures.measures(false).stream().filter((m) -> m.code().equals(code)).findFirst();
	}

	/** A council's value of a measure, and its place among the councils, the poorest first. */
	public record CouncilValue(int rank, String code, String name, String value, int band) {
	}

	/** Every council on the measure in its latest period, the poorest first, each in a fifth of the councils (1 the poorest). */
	List<CouncilValue> councils(Measure measure) {
		Map<String, String> names = this.areas.names("council-area");
		PlaceFigures.Figures f = this.figures.acrossScotland(List.of(measure)).get(measure.code());
		if (f == null) {
			return List.of();
		}
		boolean higherIsWorse = measure.polarity() != Polarity.HIGHER_IS_BETTER;
		List<Map.Entry<String, Figure>> valued = names.keySet().stream()
			.flatMap((code) -> f.latest(code, Band.ALL).stream().map((figure) -> Map.entry(code, figure)))
			.sorted((a, b) -> higherIsWorse ? Double.compare(b.getValue().value(), a.getValue().value())
					: Double.compare(a.getValue().value(), b.getValue().value()))
			.toList();
		List<CouncilValue> councils = new ArrayList<>();
		for (int i = 0; i < valued.size(); i++) {
			Map.Entry<String, Figure> v = valued.get(i);
			councils.add(new CouncilValue(i + 1, v.getKey(), names.get(v.getKey()),
					measure.unit().format(v.getValue().value(), measure.decimals(), measure.ratePer()), PlaceMap.fifth(i + 1, valued.size())));
		}
		return councils;
	}

	Map<String, String> names(String level) {
		return this.areas.names(level);
	}

	List<Localities.Locality> localitiesOf(String council) {
		return this.localities.of(council);
	}

	Map<String, Zone> allZones() {
		return this.areas.zones();
	}

}
