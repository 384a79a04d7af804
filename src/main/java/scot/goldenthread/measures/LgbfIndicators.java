package scot.goldenthread.measures;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * The Improvement Service's list of Local Government Benchmarking Framework indicators, read as measure
 * definitions: each indicator its title, unit and decimals from its number format, which way is good from its
 * ranking direction (ascending: lower is better; descending: higher is better; Goldilocks: closest to target), and
 * the years it is counted in. A pure reading of the file, so the definitions go through the same checks as any other.
 */
final class LgbfIndicators {

	static final String SOURCE = "Local Government Benchmarking Framework, Improvement Service (real terms)";

	private LgbfIndicators() {
	}

	static MeasureFile definitions(Reader indicators) {
		List<MeasureFile.Entry> entries = new ArrayList<>();
		for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(indicators)) {
			String code = row.getField("Code").replace(" ", "");
			String type = row.getField("MeasureType");
			String format = row.getField("NumberFormat");
			String title = row.getField("Title").strip();
			String unit = unit(type, title, row.getField("Ranking_Type"));
			entries.add(new MeasureFile.Entry(code, title, description(row), "performance-measure", unit, ratePer(type), decimals(format, unit),
					polarity(row.getField("Ranking_Type")), periodType(row.getField("ISCategory")), SOURCE + ": " + code, null, null, null,
					List.of(), List.of("country", Geographies.COUNCIL_AREA, Geographies.FAMILY_GROUP), null, null, null, null, List.of(), null, null));
		}
		return new MeasureFile(MeasureFile.FORMAT, entries);
	}

	/**
	 * A gap between the least and most deprived pupils is in percentage points, though its type says percentage; one
	 * measured against a midpoint (Goldilocks: a pay gap, a budget spent) or "as a % of" another amount may pass 100 or 0.
	 */
	private static String unit(String type, String title, String ranking) {
		String lower = title.toLowerCase(Locale.ROOT);
		if (lower.contains("% point gap")) {
			return "percentage-points";
		}
		if (type.equals("Percentage") && (ranking.strip().equalsIgnoreCase("goldilocks") || lower.contains("as a % of"))) {
			return "percentage-of";
		}
		return switch (type) {
			case "Percentage" -> "percentage";
			case "Cost" -> "money";
			case "Rate per 1,000", "Rate per 10,000" -> "rate";
			default -> "index";
		};
	}

	private static Integer ratePer(String type) {
		return switch (type) {
			case "Rate per 1,000" -> 1000;
			case "Rate per 10,000" -> 10000;
			default -> null;
		};
	}

	/** Decimals as the number format shows them ("0.0%": 1, "'£ '0.00": 2); a percentage at least one. */
	private static int decimals(String format, String unit) {
		int point = format.indexOf('.');
		int decimals = 0;
		if (point >= 0) {
			while (point + 1 + decimals < format.length() && format.charAt(point + 1 + decimals) == '0') {
				decimals++;
			}
		}
		return unit.startsWith("percentage") ? Math.max(1, decimals) : decimals;
	}

	private static String polarity(String ranking) {
		return switch (ranking.strip().toLowerCase(Locale.ROOT)) {
			case "ascending" -> "lower-is-better";
			case "descending" -> "higher-is-better";
			case "goldilocks" -> "closest-to-target";
			default -> "no-judgement";
		};
	}

	/** Children's services count school years; the rest financial years. */
	private static String periodType(String category) {
		return category.startsWith("Children") ? "academic-year" : "financial-year";
	}

	private static String description(NamedCsvRecord row) {
		String category = row.getField("ISCategory").strip();
		String period = row.getField("ReportingPeriod").strip();
		String first = switch (row.getField("Ranking_Type").strip().toLowerCase(Locale.ROOT)) {
			case "ascending" -> " The council with the lowest value ranks first.";
			case "descending" -> " The council with the highest value ranks first.";
			default -> " The council closest to the midpoint ranks first.";
		};
		return "LGBF " + category.toLowerCase(Locale.ROOT) + " indicator, published " + period.toLowerCase(Locale.ROOT) + "." + first;
	}

}
