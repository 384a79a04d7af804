package db.migration;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import scot.goldenthread.shared.BritishNationalGrid;

/**
 * The generalised boundaries of Scotland's council areas, intermediate zones and data zones (places/SOURCES.md), read
 * from GeoJSON as published and kept projected to the British National Grid, so a map is drawn without projecting again.
 */
public class V20__boundaries extends BaseJavaMigration {

	/** Each file with the property that holds its places' codes. */
	private static final Map<String, String> FILES = Map.of("scotland_council_areas_2024_buc", "ca_code",
			"scotland_intermediate_zones_2011", "iz11_code", "scotland_datazones_2011", "dz11_code");

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement sql = context.getConnection().createStatement()) {
			sql.execute("""
					-- a place's outline, in metres east and north of the British National Grid's origin, as well-known binary
					create table boundary (
					    code     text collate "C" primary key references geography (code) on delete cascade,
					    outline  bytea not null
					);
					""");
		}
		WKBWriter wkb = new WKBWriter();
		GeoJsonReader reader = new GeoJsonReader();
		try (PreparedStatement boundary = context.getConnection().prepareStatement(
				"insert into boundary (code, outline) select ?, ? where exists (select 1 from geography where code = ?)")) {
			for (Map.Entry<String, String> file : FILES.entrySet()) {
				JsonNode collection;
				try (InputStream in = new GZIPInputStream(Objects.requireNonNull(
						V20__boundaries.class.getResourceAsStream("/places/boundaries/" + file.getKey() + ".geojson.gz"), file.getKey()))) {
					collection = JsonMapper.shared().readTree(in);
				}
				// JTS reads each geometry; the feature's code is in its properties, which JTS's reader leaves out
				for (JsonNode feature : collection.get("features")) {
					String code = feature.get("properties").get(file.getValue()).asString();
					boundary.setString(1, code);
					boundary.setBytes(2, wkb.write(BritishNationalGrid.project(reader.read(feature.get("geometry").toString()))));
					boundary.setString(3, code);
					boundary.addBatch();
				}
				boundary.executeBatch();
			}
		}
	}

}
