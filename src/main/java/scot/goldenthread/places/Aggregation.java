package scot.goldenthread.places;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.BiConsumer;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.SmallAreas.Zone;
import scot.goldenthread.measures.SmallAreas.ZoneValue;
import scot.goldenthread.measures.Unit;

/**
 * A data-zone measure worked out for larger places, for each place as a whole and for the part of it in each SIMD
 * quintile and decile: counts are summed, rates with numerators and denominators are the sum of one over the sum of
 * the other, and rates published alone are averaged weighted by each data zone's population. The sums are kept in one
 * flat array, four numbers for each place, band and period, so fifty years of every data zone fit a small heap.
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

		/** {@code ratios}: every value has its numerator and denominator. */
		static Method of(Measure measure, boolean ratios) {
			return (measure.unit() == Unit.COUNT) ? SUM : ratios ? RATIO : WEIGHTED_MEAN;
		}

	}

	/** Which part of a place: all of it, or its data zones in one SIMD quintile or decile. */
	public record Band(String kind, int number) {

		static final Band ALL = new Band("all", 0);

		/** All, five quintiles, ten deciles. */
		static final int COUNT = 16;

		static Band quintile(int number) {
			return new Band("quintile", number);
		}

		static Band decile(int number) {
			return new Band("decile", number);
		}

		int index() {
			return switch (this.kind) {
				case "quintile" -> this.number;
				case "decile" -> 5 + this.number;
				default -> 0;
			};
		}

		/** "all", or "SIMD quintile 1": a band as the API and the open data name it. */
		public String label() {
			return equals(ALL) ? "all" : "SIMD " + this.kind + " " + this.number;
		}

		static Band at(int index) {
			return (index == 0) ? ALL : (index <= 5) ? quintile(index) : decile(index - 5);
		}

	}

	public record Key(String place, Band band, Period period) {
	}

	/** A place's value, with how many of its data zones had one and how many people live in them. */
	public record Figure(double value, int zones, long population) {
	}

	/** The running sums of one measure for the places wanted, each place's index given by {@link Places}. */
	static final class Sums {

		private final Measure measure;

		private final Method method;

		private final Places places;

		private final List<Period> periods;

		private final Map<Period, Integer> periodIndex = new HashMap<>();

		private final double[] sums;

		Sums(Measure measure, Method method, Places places, SortedSet<Period> periods) {
			this.measure = measure;
			this.method = method;
			this.places = places;
			this.periods = List.copyOf(periods);
			for (int i = 0; i < this.periods.size(); i++) {
				this.periodIndex.put(this.periods.get(i), i);
			}
			this.sums = new double[places.codes().size() * Band.COUNT * this.periods.size() * 4];
		}

		private int slot(int place, int band, int period) {
			return ((place * Band.COUNT + band) * this.periods.size() + period) * 4;
		}

		void add(Zone zone, ZoneValue value) {
			Integer period = this.periodIndex.get(value.period());
			if (period == null) {
				return;
			}
			int[] bands = { 0, zone.quintile(), 5 + zone.decile() };
			for (int place : this.places.of(zone)) {
				for (int band : bands) {
					int at = slot(place, band, period);
					switch (this.method) {
						case SUM -> this.sums[at] += value.value();
						case RATIO -> {
							this.sums[at] += value.numerator();
							this.sums[at + 1] += value.denominator();
						}
						case WEIGHTED_MEAN -> {
							this.sums[at] += value.value() * zone.population();
							this.sums[at + 1] += zone.population();
						}
					}
					this.sums[at + 2]++;
					this.sums[at + 3] += zone.population();
				}
			}
		}

		Optional<Figure> at(String place, Band band, Period period) {
			Integer p = this.places.index(place);
			Integer t = this.periodIndex.get(period);
			return (p == null || t == null) ? Optional.empty() : figure(slot(p, band.index(), t));
		}

		private Optional<Figure> figure(int at) {
			if (this.sums[at + 2] == 0) {
				return Optional.empty();
			}
			double per = this.measure.unit().per(this.measure.ratePer()).doubleValue();
			Double value = switch (this.method) {
				case SUM -> this.sums[at];
				case RATIO -> (this.sums[at + 1] == 0) ? null : this.sums[at] / this.sums[at + 1] * per;
				case WEIGHTED_MEAN -> (this.sums[at + 1] == 0) ? null : this.sums[at] / this.sums[at + 1];
			};
			return (value == null) ? Optional.empty() : Optional.of(new Figure(value, (int) this.sums[at + 2], (long) this.sums[at + 3]));
		}

		/** Every figure there is, by place in the order given, then period, then band. */
		void forEach(BiConsumer<Key, Figure> each) {
			for (int p = 0; p < this.places.codes().size(); p++) {
				for (int t = 0; t < this.periods.size(); t++) {
					for (int b = 0; b < Band.COUNT; b++) {
						Key key = new Key(this.places.codes().get(p), Band.at(b), this.periods.get(t));
						figure(slot(p, b, t)).ifPresent((figure) -> each.accept(key, figure));
					}
				}
			}
		}

	}

	/** The places wanted, each with its index, and for each data zone the indexes of the wanted places it is in. */
	record Places(List<String> codes, Map<String, Integer> indexes, Map<String, int[]> ofZone) {

		Integer index(String code) {
			return this.indexes.get(code);
		}

		int[] of(Zone zone) {
			return this.ofZone.getOrDefault(zone.code(), new int[0]);
		}

	}

	private Aggregation() {
	}

}
