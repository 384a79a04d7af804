package scot.goldenthread.places;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import scot.goldenthread.measures.ColumnMapping;
import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.measures.SmallAreas;
import scot.goldenthread.measures.SmallAreas.Zone;

import org.springframework.stereotype.Service;

/**
 * The measures a plan states about SIMD itself, worked out from the SIMD file rather than typed: the share of a
 * council's data zones among Scotland's 20% most deprived, and the share of its people in each quintile.
 */
@Service
public class SimdMeasures {

	/** The breakdown the share of people in each quintile is published by. */
	public static final String QUINTILE = "SIMD quintile";

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private final SmallAreas areas;

	private final ObservationImporter importer;

	SimdMeasures(SmallAreas areas, ObservationImporter importer) {
		this.areas = areas;
		this.importer = importer;
	}

	/**
	 * Records, for every council and for Scotland, measure {@code zoneShare}: the percentage of its data zones ranked among
	 * Scotland's 20% most deprived, and measure {@code peopleByQuintile}: the percentage of its people living in each of
	 * Public Health Scotland's population-weighted quintiles, both for the year of the latest SIMD edition. Loaded through
	 * the import every file goes through, so the values are checked and their change recorded.
	 */
	public ObservationImporter.Report publish(String zoneShare, String peopleByQuintile) {
		Map<String, List<Zone>> places = new TreeMap<>();
		for (Zone zone : this.areas.zones().values()) {
			places.computeIfAbsent(zone.council(), (k) -> new ArrayList<>()).add(zone);
			places.computeIfAbsent(PlaceFigures.SCOTLAND, (k) -> new ArrayList<>()).add(zone);
		}
		StringBuilder csv = new StringBuilder("measure,period,geography," + QUINTILE + ",value,status,note\n");
		String edition = null;
		for (Map.Entry<String, List<Zone>> place : places.entrySet()) {
			SimdProfile profile = SimdProfile.of(place.getValue());
			edition = profile.edition();
			String year = year(edition);
			String note = "Worked out from " + edition + ": " + profile.zonesByQuintile()[0] + " of its " + profile.zones()
					+ " data zones are ranked 1 to 1,395, Scotland's most deprived fifth";
			csv.append(String.join(",", zoneShare, year, place.getKey(), "", number(profile.mostDeprivedZoneShare()), "final", quoted(note))).append('\n');
			for (int quintile = 1; quintile <= 5; quintile++) {
				csv.append(String.join(",", peopleByQuintile, year, place.getKey(), String.valueOf(quintile),
						number(profile.weightedPeopleShare(quintile)), "final", quoted("Worked out from " + edition + ": "
								+ profile.peopleByWeightedQuintile()[quintile - 1] + " of its " + profile.population()
								+ " people live in data zones of Public Health Scotland's population-weighted quintile " + quintile)))
					.append('\n');
			}
		}
		return this.importer.importCsv(new StringReader(csv.toString()), edition + " (worked out)", ColumnMapping.goldenThread(null),
				ObservationImporter.Mode.ALL_OR_NOTHING);
	}

	private static String year(String edition) {
		Matcher year = YEAR.matcher(edition);
		if (!year.find()) {
			throw new IllegalStateException("The SIMD edition '" + edition + "' names no year");
		}
		return year.group();
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.4f", value);
	}

	private static String quoted(String text) {
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
