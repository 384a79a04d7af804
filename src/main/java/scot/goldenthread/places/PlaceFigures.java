package scot.goldenthread.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.SmallAreas;
import scot.goldenthread.places.Aggregation.Band;
import scot.goldenthread.places.Aggregation.Figure;
import scot.goldenthread.places.Aggregation.Key;
import scot.goldenthread.places.Aggregation.Method;

import org.springframework.stereotype.Service;

/** Every data-zone measure's figures for every larger place of Scotland, worked out when asked for. */
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

	/** A measure worked out for every intermediate zone, ward, locality, council and Scotland, whole and by SIMD band. */
	record Figures(Measure measure, Method method, Map<Key, Figure> values, SortedSet<Period> periods) {

		Optional<Figure> at(String place, Band band, Period period) {
			return Optional.ofNullable(this.values.get(new Key(place, band, period)));
		}

		Optional<Period> latest() {
			return this.periods.isEmpty() ? Optional.empty() : Optional.of(this.periods.last());
		}

		/** The place's value in the latest period, whole or in one band. */
		Optional<Figure> latest(String place, Band band) {
			return latest().flatMap((period) -> at(place, band, period));
		}

		String value(double value) {
			return this.measure.unit().format(value, this.measure.decimals(), this.measure.ratePer());
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

	/** The public measures published for data zones, or every one for those who may see unpublished ones. */
	List<Measure> measures(boolean withUnpublished) {
		java.util.Set<String> codes = new java.util.HashSet<>(this.areas.measureCodes(withUnpublished));
		return this.catalogue.measures().stream().filter((m) -> codes.contains(m.code())).toList();
	}

	/** The measure's figures; empty where it has no published data-zone value, as then none can be worked out. */
	Optional<Figures> of(Measure measure) {
		return Optional.ofNullable(of(List.of(measure)).get(measure.code()));
	}

	/** Several measures' figures by measure code, read in one query; a measure with no published data-zone value has none. */
	Map<String, Figures> of(List<Measure> measures) {
		Map<Long, List<SmallAreas.ZoneValue>> values = this.areas.values(measures);
		Map<String, List<String>> localitiesOf = values.isEmpty() ? Map.of() : this.localities.byZone();
		Map<String, Figures> figures = new java.util.LinkedHashMap<>();
		for (Measure measure : measures) {
			List<SmallAreas.ZoneValue> zoneValues = values.get(measure.id());
			if (zoneValues != null) {
				figures.put(measure.code(), figures(measure, zoneValues, localitiesOf));
			}
		}
		return figures;
	}

	private Figures figures(Measure measure, List<SmallAreas.ZoneValue> values, Map<String, List<String>> localitiesOf) {
		Method method = Method.of(measure, values);
		Map<Key, Figure> figures = Aggregation.of(measure, method, values, this.areas.zones(), (zone) -> {
			List<String> places = new ArrayList<>(List.of(zone.intermediateZone(), zone.ward(), zone.council(), SCOTLAND));
			places.addAll(localitiesOf.getOrDefault(zone.code(), List.of()));
			return places;
		});
		SortedSet<Period> periods = new TreeSet<>();
		values.forEach((v) -> periods.add(v.period()));
		return new Figures(measure, method, figures, periods);
	}

}
