package scot.goldenthread.places;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.ObservationImportException;
import scot.goldenthread.measures.SmallAreas;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A new SIMD edition goes beside the old, never over it; a file with any bad row changes nothing. */
@SpringBootTest
@Transactional
class SimdEditionTests {

	@Autowired
	SmallAreas areas;

	@Autowired
	JdbcClient jdbc;

	/** An edition in the file's layout, its ranks the loaded edition's turned upside down, so every band moves. */
	String upsideDown() {
		StringBuilder csv = new StringBuilder("data_zone,rank,population,working_age_population,income_rank\n");
		this.jdbc.sql("select data_zone, 6977 - rank, population, working_age_population, income_rank from simd where edition = 'SIMD 2020v2'")
			.query((java.sql.ResultSet rs) -> {
				csv.append(rs.getString(1)).append(',').append(rs.getInt(2)).append(',').append(rs.getInt(3)).append(',').append(rs.getInt(4))
					.append(',').append(rs.getString(5)).append('\n');
			});
		return csv.toString();
	}

	@Test
	void aNewEditionGoesBesideTheOldAndPlacesAreBandedByTheNewest() {
		String file = upsideDown();
		assertThat(this.areas.loadEdition("SIMD 2030 (test)", new StringReader(file), "test.csv")).isEqualTo(6976);
		assertThat(this.jdbc.sql("select count(*) from simd where edition = 'SIMD 2020v2'").query(Long.class).single()).isEqualTo(6976);
		SmallAreas.Zone first = this.areas.zones().values().stream().filter((z) -> z.code().equals("S01006506")).findFirst().orElseThrow();
		assertThat(first.edition()).isEqualTo("SIMD 2030 (test)");
		assertThat(first.rank()).isEqualTo(6977 - 4691);
		assertThat(first.quintile()).isEqualTo(2);
		// loaded again under the same name: refused, nothing over the old
		assertThatThrownBy(() -> this.areas.loadEdition("SIMD 2030 (test)", new StringReader(file), "test.csv"))
			.isInstanceOfSatisfying(ObservationImportException.class, (ex) -> assertThat(ex.report().errors()).extracting((p) -> p.reason())
				.containsExactly("SIMD 2030 (test) is already loaded: a new edition goes beside the old, never over it"));
	}

	/** Each test's edition is rolled back: the places are banded by SIMD 2020v2 again for the tests that share the context. */
	@org.junit.jupiter.api.AfterEach
	void bandedByTheDemosEditionAgain() {
		org.springframework.test.context.transaction.TestTransaction.end();
		assertThat(this.areas.zones().get("S01006506").edition()).isEqualTo("SIMD 2020v2");
	}

	@Test
	void aBadEditionFileIsRefusedRowByRowAndChangesNothing() {
		String file = "data_zone,rank,population,working_age_population\nS01006506,1,894,580\nS01006506,2,894,580\nS01999999,3,10,5\nS01006507,0,x,5\n";
		assertThatThrownBy(() -> this.areas.loadEdition("SIMD 2031", new StringReader(file), "bad.csv"))
			.isInstanceOfSatisfying(ObservationImportException.class, (ex) -> assertThat(ex.report().errors())
				.extracting((p) -> p.line() + " " + p.column() + ": " + p.reason())
				.containsExactly("3 data_zone: S01006506 repeats line 2", "4 data_zone: 'S01999999' is not a 2011 data zone",
						"5 rank: 0 is not between 1 and 6976", "5 population: 'x' is not a number"));
		assertThat(this.jdbc.sql("select count(*) from simd_edition where name = 'SIMD 2031'").query(Long.class).single()).isZero();
		// an edition is named with its year, this century's
		assertThatThrownBy(() -> this.areas.loadEdition("SIMD 1999", new StringReader(file), "old.csv"))
			.isInstanceOfSatisfying(ObservationImportException.class, (ex) -> assertThat(ex.report().errors()).extracting((p) -> p.reason())
				.contains("name the edition with its year, such as SIMD 2024, in up to 40 characters"));
	}

}
