package scot.goldenthread.places;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.SmallAreas.Zone;
import scot.goldenthread.measures.SmallAreas.ZoneValue;
import scot.goldenthread.measures.Unit;

/**
 * A data-zone measure worked out for larger places, for each place as a whole and for the part of it in each SIMD
 * quintile and decile: counts are summed, rates with numerators and denominators are the sum of one over the sum of
 * the other, and rates published alone are averaged weighted by each data zone's population.
 */
public final class Aggregation {

	/** How a place's value is made from its data zones', as its page says. */
	enum Method {

		SUM("the sum of its data zones' counts"),
		RATIO("its data zones' numerators summed over their denominators summed"),
		WEIGHTED_MEAN("the average of its data zones' values weighted by their people, as only the values are published");

		private final String wording;

		Method(String wording) {
			this.wording = wording;
		}

		String wording() {
			return this.wording;
		}

		static Method of(Measure measure, Collection<ZoneValue> values) {
			if (measure.unit() == Unit.COUNT) {
				return SUM;
			}
			boolean ratios = !values.isEmpty() && values.stream().allMatch((v) -> v.numerator() != null && v.denominator() != null);
			return ratios ? RATIO : WEIGHTED_MEAN;
		}

	}

	/** Which part of a place: all of it, or its data zones in one SIMD quintile or decile. */
	record Band(String kind, int number) {

		static final Band ALL = new Band("all", 0);

		static Band quintile(int number) {
			return new Band("quintile", number);
		}

		static Band decile(int number) {
			return new Band("decile", number);
		}

	}

	record Key(String place, Band band, Period period) {
	}

	/** A place's value, with how many of its data zones had one and how many people live in them. */
	public record Figure(double value, int zones, long population) {
	}

	private Aggregation() {
	}

	/**
	 * The measure's value for every place {@code placesOf} puts each data zone in, whole and by the zone's quintile
	 * and decile, for every period.
	 */
	static Map<Key, Figure> of(Measure measure, Method method, List<ZoneValue> values, Map<String, Zone> zones,
			Function<Zone, Collection<String>> placesOf) {
		Map<Key, double[]> sums = new HashMap<>();
		double per = measure.unit().per(measure.ratePer()).doubleValue();
		for (ZoneValue value : values) {
			Zone zone = zones.get(value.dataZone());
			if (zone == null) {
				continue;
			}
			for (String place : placesOf.apply(zone)) {
				for (Band band : List.of(Band.ALL, Band.quintile(zone.quintile()), Band.decile(zone.decile()))) {
					double[] sum = sums.computeIfAbsent(new Key(place, band, value.period()), (k) -> new double[4]);
					switch (method) {
						case SUM -> sum[0] += value.value();
						case RATIO -> {
							sum[0] += value.numerator();
							sum[1] += value.denominator();
						}
						case WEIGHTED_MEAN -> {
							sum[0] += value.value() * zone.population();
							sum[1] += zone.population();
						}
					}
					sum[2]++;
					sum[3] += zone.population();
				}
			}
		}
		Map<Key, Figure> figures = new HashMap<>();
		sums.forEach((key, sum) -> {
			Double value = switch (method) {
				case SUM -> sum[0];
				case RATIO -> (sum[1] == 0) ? null : sum[0] / sum[1] * per;
				case WEIGHTED_MEAN -> (sum[1] == 0) ? null : sum[0] / sum[1];
			};
			if (value != null) {
				figures.put(key, new Figure(value, (int) sum[2], (long) sum[3]));
			}
		});
		return figures;
	}

}
