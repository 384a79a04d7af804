package scot.goldenthread.places;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.SmallAreas;
import scot.goldenthread.measures.SmallAreas.Zone;
import scot.goldenthread.places.Aggregation.Band;
import scot.goldenthread.places.Aggregation.Figure;
import scot.goldenthread.places.Aggregation.Key;
import scot.goldenthread.places.Aggregation.Method;

import org.springframework.stereotype.Service;

/** Data-zone measures' figures for larger places of Scotland, worked out when asked for, for the places asked for. */
@Service
public class PlaceFigures {

	static final String SCOTLAND = "S92000003";

	private final SmallAreas areas;

	private final MeasureCatalogue catalogue;

	private final Localities localities;

	PlaceFigures(SmallAreas areas, MeasureCatalogue catalogue, Localities localities) {
		this.areas = areas;
		this.catalogue = catalogue;
		this.localities = localities;
	}

	/** A measure worked out for places, whole and by SIMD band, for each period it has. */
	public record Figures(Measure measure, Method method, Aggregation.Sums sums, SortedSet<Period> periods) {

		Optional<Figure> at(String place, Band band, Period period) {
			return this.sums.at(place, band, period);
		}

		Optional<Period> latest() {
			return this.periods.isEmpty() ? Optional.empty() : Optional.of(this.periods.last());
		}

		/** The place's value in the latest period, whole or in one band. */
		Optional<Figure> latest(String place, Band band) {
			return latest().flatMap((period) -> at(place, band, period));
		}

		/** How each figure was worked out from the data zones', in words. */
		public String workedOutAs() {
			return this.method.wording();
		}

		/** Every figure, by place, period and band. */
		public void forEach(BiConsumer<Key, Figure> each) {
			this.sums.forEach(each);
		}

		QuintileGap gap(String place, String placeName) {
			List<QuintileGap.Point> points = new ArrayList<>();
			for (Period period : this.periods) {
				Optional<Figure> most = at(place, Band.quintile(1), period);
				Optional<Figure> least = at(place, Band.quintile(5), period);
				if (most.isPresent() && least.isPresent()) {
					points.add(new QuintileGap.Point(period, most.get().value(), least.get().value()));
				}
			}
			return new QuintileGap(this.measure, placeName, points);
		}

	}

	/** The public measures published for data zones. */
	public List<Measure> publicMeasures() {
		return measures(false);
	}

	/**
	 * The public measures in use with published data-zone values, or every one in use for those who may see unpublished
	 * ones: those whose kept shape has a period, so that a page asks only of measures that changed since, never of all
	 * the values there are.
	 */
	List<Measure> measures(boolean withUnpublished) {
		List<Measure> candidates = this.catalogue.measures().stream()
			.filter((m) -> (m.published() || withUnpublished) && m.retiredOn() == null)
			.filter((m) -> m.geographyLevels() == null || m.geographyLevels().isEmpty() || m.geographyLevels().contains("data-zone"))
			.toList();
		Map<Long, SmallAreas.Shape> shapes = this.areas.shapes(candidates);
		return candidates.stream().filter((m) -> shapes.containsKey(m.id())).toList();
	}

	/** The measure's figures for every place; empty where it has no published data-zone value, as then none can be worked out. */
	public Optional<Figures> of(Measure measure) {
		return Optional.ofNullable(of(List.of(measure), null).get(measure.code()));
	}

	/**
	 * Several measures' figures by measure code for the places {@code wanted} (every intermediate zone, ward, locality,
	 * council and Scotland where null), for every period, their values read in one pass; a measure with no published
	 * data-zone value has none.
	 */
	Map<String, Figures> of(List<Measure> measures, Collection<String> wanted) {
		Map<Long, SmallAreas.Shape> shapes = this.areas.shapes(measures);
		Map<String, Zone> zones = this.areas.zones();
		Map<Long, Aggregation.Sums> sums = new HashMap<>();
		Map<String, Figures> figures = figures(measures, shapes, places(zones.values(), wanted), false, sums);
		if (!figures.isEmpty()) {
			this.areas.eachValue(measures, adder(zones, sums));
		}
		return figures;
	}

	/** Several measures' figures for one place in every period, read from its own data zones alone. */
	Map<String, Figures> throughout(List<Measure> measures, String place, Collection<Zone> itsZones) {
		Map<Long, SmallAreas.Shape> shapes = this.areas.shapes(measures);
		Map<String, Zone> zones = this.areas.zones();
		Map<Long, Aggregation.Sums> sums = new HashMap<>();
		Map<String, Figures> figures = figures(measures, shapes, places(itsZones, List.of(place)), false, sums);
		if (figures.isEmpty()) {
			return figures;
		}
		if (itsZones.size() == zones.size()) {
			this.areas.eachValue(measures, adder(zones, sums));
		}
		else {
			this.areas.eachValue(measures, itsZones.stream().map(Zone::code).toList(), adder(zones, sums));
		}
		return figures;
	}

	/** Figures of a measure for Scotland and every council in its latest period, kept until {@code version} changes. */
	private record Across(String version, Figures figures) {
	}

	/** At 17 KB a measure, a thousand of them are less than a tenth of a small heap. */
	private final Cache<Long, Across> across = Caffeine.newBuilder().maximumSize(1000).build();

	/**
	 * Several measures' figures for Scotland and every council in each one's latest period, by measure code: what every
	 * place's page compares with. Each is kept until its measure, the places or the SIMD edition change, so a page made
	 * after an import of one measure's values reads again only the latest period of that one measure.
	 */
	Map<String, Figures> acrossScotland(List<Measure> measures) {
		Map<Long, SmallAreas.Shape> shapes = this.areas.shapes(measures);
		Map<String, Zone> zones = this.areas.zones();
		String edition = zones.values().stream().findFirst().map(Zone::edition).orElse("");
		Map<Long, Figures> found = new HashMap<>();
		List<Measure> stale = new ArrayList<>();
		for (Measure m : measures) {
			if (shapes.containsKey(m.id())) {
				Across kept = this.across.getIfPresent(m.id());
				if (kept != null && kept.version().equals(shapes.get(m.id()).version() + " " + edition)) {
					found.put(m.id(), kept.figures());
				}
				else {
					stale.add(m);
				}
			}
		}
		if (!stale.isEmpty()) {
			List<String> wanted = new ArrayList<>(this.areas.names("council-area").keySet());
			wanted.add(SCOTLAND);
			Map<Long, Aggregation.Sums> sums = new HashMap<>();
			Map<String, Figures> read = figures(stale, shapes, places(zones.values(), wanted), true, sums);
			this.areas.eachLatest(stale, shapes, adder(zones, sums));
			for (Measure m : stale) {
				this.across.put(m.id(), new Across(shapes.get(m.id()).version() + " " + edition, read.get(m.code())));
				found.put(m.id(), read.get(m.code()));
			}
		}
		Map<String, Figures> figures = new LinkedHashMap<>();
		measures.stream().filter((m) -> found.containsKey(m.id())).forEach((m) -> figures.put(m.code(), found.get(m.id())));
		return figures;
	}

	/** Empty figures of each measure with a shape for the places given, in every period of its shape or its latest alone. */
	private static Map<String, Figures> figures(List<Measure> measures, Map<Long, SmallAreas.Shape> shapes, Aggregation.Places places,
			boolean latestAlone, Map<Long, Aggregation.Sums> sums) {
		Map<String, Figures> figures = new LinkedHashMap<>();
		for (Measure measure : measures) {
			SmallAreas.Shape shape = shapes.get(measure.id());
			if (shape != null) {
				Method method = Method.of(measure, shape.ratios());
				SortedSet<Period> periods = latestAlone ? new TreeSet<>(Set.of(shape.periods().last())) : shape.periods();
				Aggregation.Sums measureSums = new Aggregation.Sums(measure, method, places, periods);
				sums.put(measure.id(), measureSums);
				figures.put(measure.code(), new Figures(measure, method, measureSums, periods));
			}
		}
		return figures;
	}

	private static Consumer<SmallAreas.ZoneValue> adder(Map<String, Zone> zones, Map<Long, Aggregation.Sums> sums) {
		return (value) -> {
			Zone zone = zones.get(value.dataZone());
			if (zone != null) {
				sums.get(value.measureId()).add(zone, value);
			}
		};
	}

	/** The places wanted, in code order, and each data zone's among them: its intermediate zone, ward, council, Scotland, localities. */
	private Aggregation.Places places(Collection<Zone> zones, Collection<String> wanted) {
		Map<String, List<String>> localitiesOf = this.localities.byZone();
		Map<String, List<String>> placesOf = new HashMap<>();
		SortedSet<String> codes = new TreeSet<>();
		for (Zone zone : zones) {
			List<String> in = new ArrayList<>(List.of(zone.intermediateZone(), zone.ward(), zone.council(), SCOTLAND));
			in.addAll(localitiesOf.getOrDefault(zone.code(), List.of()));
			if (wanted != null) {
				in.retainAll(wanted);
			}
			placesOf.put(zone.code(), in);
			codes.addAll(in);
		}
		List<String> ordered = List.copyOf(codes);
		Map<String, Integer> indexes = new HashMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			indexes.put(ordered.get(i), i);
		}
		Map<String, int[]> ofZone = new HashMap<>();
		placesOf.forEach((zone, in) -> ofZone.put(zone, in.stream().mapToInt(indexes::get).toArray()));
		return new Aggregation.Places(ordered, indexes, ofZone);
	}

}
