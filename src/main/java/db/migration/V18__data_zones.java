package db.migration;

import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import scot.goldenthread.shared.TextFiles;

/**
 * Every data zone (2011), intermediate zone and multi-member ward of Scotland with its parent, from the Scottish
 * Government's data zone lookup, and SIMD 2020v2 for each data zone as its first edition (places/SOURCES.md). Read
 * from the files as published, so no row of them is typed here.
 */
public class V18__data_zones extends BaseJavaMigration {

	/** SIMD 2020v2 ranks 6,976 data zones: quintile 1 is ranks 1 to 1,395, decile 1 ranks 1 to 697. */
	static final int DATA_ZONES = 6976;

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement sql = connection.createStatement()) {
			sql.execute("""
					alter table geography drop constraint geography_level_check;
					alter table geography add constraint geography_level_check check (level in ('country', 'council-area', 'ward', 'locality',
					    'intermediate-zone', 'data-zone', 'family-group'));
					-- the place a place is part of: a data zone's intermediate zone, an intermediate zone's or a ward's council
					alter table geography add column parent text collate "C" references geography (code);
					-- a data zone's multi-member ward, as the data zone lookup gives it
					alter table geography add column ward text collate "C" references geography (code);
					create index geography_parent on geography (parent);
					create index geography_ward on geography (ward);
					-- a data zone's SIMD, one row an edition: a new edition is loaded beside the old, never over it
					create table simd (
					    edition          text    not null,
					    data_zone        text collate "C" not null references geography (code),
					    rank             int     not null,
					    -- the Scottish Government's bands, worked out from the rank
					    decile           int     not null check (decile between 1 and 10),
					    quintile         int     not null check (quintile between 1 and 5),
					    -- Public Health Scotland's population-weighted bands, as published
					    weighted_decile  int,
					    weighted_quintile int,
					    income_rank      numeric, employment_rank numeric, health_rank numeric, education_rank numeric,
					    access_rank      numeric, crime_rank numeric, housing_rank numeric,
					    population       int,
					    working_age_population int,
					    primary key (edition, data_zone)
					);
					""");
		}
		Map<String, String[]> wards = new LinkedHashMap<>();
		Map<String, String[]> zones = new LinkedHashMap<>();
		try (PreparedStatement dataZone = connection.prepareStatement(
				"insert into geography (code, name, level, parent, ward) values (?, ?, 'data-zone', ?, ?)")) {
			// the wards and intermediate zones first, each once, so that a data zone's parents are there
			try (Reader in = file("Datazone2011lookup.csv")) {
				for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(in)) {
					wards.putIfAbsent(row.getField("MMWard_Code"), new String[] { row.getField("MMWard_Name"), row.getField("LA_Code") });
					zones.putIfAbsent(row.getField("IZ2011_Code"), new String[] { row.getField("IZ2011_Name"), row.getField("LA_Code") });
				}
			}
			insert(connection, "ward", wards);
			insert(connection, "intermediate-zone", zones);
			try (Reader in = file("Datazone2011lookup.csv")) {
				for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(in)) {
					dataZone.setString(1, row.getField("DZ2011_Code"));
					dataZone.setString(2, row.getField("DZ2011_Name"));
					dataZone.setString(3, row.getField("IZ2011_Code"));
					dataZone.setString(4, row.getField("MMWard_Code"));
					dataZone.addBatch();
				}
			}
			dataZone.executeBatch();
		}
		try (PreparedStatement simd = connection.prepareStatement("""
				insert into simd (edition, data_zone, rank, decile, quintile, weighted_decile, weighted_quintile, income_rank, employment_rank,
				    health_rank, education_rank, access_rank, crime_rank, housing_rank, population, working_age_population)
				values ('SIMD 2020v2', ?, ?, ?, ?, ?, ?, ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?, ?)""");
				Reader in = file("simd2020v2_datazone_combined.csv")) {
			for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(in)) {
				int rank = Integer.parseInt(row.getField("SIMD2020V2Rank"));
				simd.setString(1, row.getField("DataZone"));
				simd.setInt(2, rank);
				simd.setInt(3, band(rank, 10));
				simd.setInt(4, band(rank, 5));
				simd.setInt(5, Integer.parseInt(row.getField("SIMD2020V2CountryDecile")));
				simd.setInt(6, Integer.parseInt(row.getField("SIMD2020V2CountryQuintile")));
				int i = 7;
				for (String domain : new String[] { "SIMD2020v2_Income_Domain_Rank", "SIMD2020_Employment_Domain_Rank", "SIMD2020_Health_Domain_Rank",
						"SIMD2020_Education_Domain_Rank", "SIMD2020_Access_Domain_Rank", "SIMD2020_Crime_Domain_Rank", "SIMD2020_Housing_Domain_Rank" }) {
					simd.setString(i++, row.getField(domain));
				}
				simd.setInt(14, Integer.parseInt(row.getField("Total_population")));
				simd.setInt(15, Integer.parseInt(row.getField("Working_age_population")));
				simd.addBatch();
			}
			simd.executeBatch();
		}
	}

	/** The Scottish Government's count-based band of a rank: of {@code bands} equal shares of the data zones, 1 the most deprived. */
	static int band(int rank, int bands) {
		return (int) Math.ceil(rank * (double) bands / DATA_ZONES);
	}

	private static void insert(Connection connection, String level, Map<String, String[]> places) throws Exception {
		try (PreparedStatement place = connection.prepareStatement("insert into geography (code, name, level, parent) values (?, ?, ?, ?)")) {
			for (Map.Entry<String, String[]> entry : places.entrySet()) {
				place.setString(1, entry.getKey());
				place.setString(2, entry.getValue()[0]);
				place.setString(3, level);
				place.setString(4, entry.getValue()[1]);
				place.addBatch();
			}
			place.executeBatch();
		}
	}

	/** A file of places/, read without the byte-order mark some begin with. */
	private static Reader file(String name) throws java.io.IOException {
		return TextFiles.open(Objects.requireNonNull(V18__data_zones.class.getResourceAsStream("/places/" + name), name)).reader();
	}

}
