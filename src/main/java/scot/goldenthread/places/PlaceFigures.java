package scot.goldenthread.places;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;

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

	/** The public measures published for data zones, or every one for those who may see unpublished ones. */
	List<Measure> measures(boolean withUnpublished) {
		Set<String> codes = new HashSet<>(this.areas.measureCodes(withUnpublished));
		return this.catalogue.measures().stream().filter((m) -> codes.contains(m.code())).toList();
	}

	/** The measure's figures for every place; empty where it has no published data-zone value, as then none can be worked out. */
	public Optional<Figures> of(Measure measure) {
		return Optional.ofNullable(of(List.of(measure), null).get(measure.code()));
	}

	/** Several measures' figures for the places {@code wanted} (every place where null), for every period. */
	Map<String, Figures> of(List<Measure> measures, Collection<String> wanted) {
		return of(measures, wanted, null);
	}

	/**
	 * Several measures' figures by measure code, for the places {@code wanted} (every intermediate zone, ward, locality,
	 * council and Scotland where null), for every period for the places {@code throughout} (all where null) and for the
	 * latest alone for the rest, their values read in one pass; a measure with no published data-zone value has none.
	 */
	Map<String, Figures> of(List<Measure> measures, Collection<String> wanted, Collection<String> throughout) {
		Map<Long, SmallAreas.Shape> shapes = this.areas.shapes(measures);
		Map<String, Figures> figures = new LinkedHashMap<>();
		if (shapes.isEmpty()) {
			return figures;
		}
		Map<String, Zone> zones = this.areas.zones();
		Aggregation.Places places = places(zones.values(), wanted, throughout);
		Map<Long, Aggregation.Sums> sums = new HashMap<>();
		for (Measure measure : measures) {
			SmallAreas.Shape shape = shapes.get(measure.id());
			if (shape != null) {
				Method method = Method.of(measure, shape.ratios());
				Aggregation.Sums measureSums = new Aggregation.Sums(measure, method, places, shape.periods());
				sums.put(measure.id(), measureSums);
				figures.put(measure.code(), new Figures(measure, method, measureSums, shape.periods()));
			}
		}
		java.util.function.Consumer<SmallAreas.ZoneValue> add = (value) -> {
			Zone zone = zones.get(value.dataZone());
			if (zone != null) {
				sums.get(value.measureId()).add(zone, value);
			}
		};
		if (throughout == null) {
			this.areas.eachValue(measures, add);
		}
		else {
			// every period of the data zones of the places followed throughout, the latest of the rest
			List<String> followed = zones.values().stream().filter((z) -> java.util.Arrays.stream(places.of(z)).anyMatch(places::throughout))
				.map(Zone::code).toList();
			this.areas.eachValue(measures, shapes, followed, add);
		}
		return figures;
	}

	/** The places wanted, in code order, and each data zone's among them: its intermediate zone, ward, council, Scotland, localities. */
	private Aggregation.Places places(Collection<Zone> zones, Collection<String> wanted, Collection<String> throughout) {
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
		boolean[] everyPeriod = new boolean[ordered.size()];
		for (int i = 0; i < ordered.size(); i++) {
			everyPeriod[i] = throughout == null || throughout.contains(ordered.get(i));
		}
		return new Aggregation.Places(ordered, indexes, ofZone, everyPeriod);
	}

}
