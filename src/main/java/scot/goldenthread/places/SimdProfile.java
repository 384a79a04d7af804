package scot.goldenthread.places;

import java.util.Collection;

import scot.goldenthread.measures.SmallAreas.Zone;

/**
 * A place's deprivation as SIMD describes it: its data zones and people in each of Scotland's quintiles, counted on
 * the Scottish Government's bands (quintile 1 is ranks 1 to 1,395) and on Public Health Scotland's population-weighted
 * ones (as seed 000's "28% of the population live in the most deprived quintile" is).
 */
public record SimdProfile(String edition, int zones, long population, long workingAge, int[] zonesByQuintile, long[] peopleByQuintile,
		long[] peopleByWeightedQuintile) {

	/** Scotland's 20% most deprived data zones are those ranked 1 to 1,395 of 6,976. */
	static final int MOST_DEPRIVED_RANK = 1395;

	static SimdProfile of(Collection<Zone> zones) {
		int[] zonesBy = new int[5];
		long[] peopleBy = new long[5];
		long[] weighted = new long[5];
		long population = 0;
		long workingAge = 0;
		String edition = null;
		for (Zone zone : zones) {
			zonesBy[zone.quintile() - 1]++;
			peopleBy[zone.quintile() - 1] += zone.population();
			if (zone.weightedQuintile() > 0) {
				weighted[zone.weightedQuintile() - 1] += zone.population();
			}
			population += zone.population();
			workingAge += zone.workingAgePopulation();
			edition = zone.edition();
		}
		return new SimdProfile(edition, zones.size(), population, workingAge, zonesBy, peopleBy, weighted);
	}

	/** The share of its data zones among Scotland's 20% most deprived, as a percentage. */
	public double mostDeprivedZoneShare() {
		return share(this.zonesByQuintile[0], this.zones);
	}

	public double peopleShare(int quintile) {
		return share(this.peopleByQuintile[quintile - 1], this.population);
	}

	public double weightedPeopleShare(int quintile) {
		return share(this.peopleByWeightedQuintile[quintile - 1], this.population);
	}

	private static double share(double part, double whole) {
		return (whole == 0) ? 0 : 100 * part / whole;
	}

}
