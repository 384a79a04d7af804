package scot.goldenthread.measures;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A measure no plan uses is retired from its page: it leaves the search and the list (one fewer measure), keeps its page,
 * values and open-data record marked retired, and comes back when asked; one with no values is deleted; a measure a
 * plan uses is neither, and the person is told why. Each change is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeasureRetirementTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ObservationImporter observations;

	@Autowired
	MeasureDefinitions definitions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMeasureNoPlanUsesIsRetiredFromTheListsWithItsValuesKeptAndBroughtBack() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String unused = world.unusedMeasure();
		this.observations.importCsv(new StringReader("measure,period,geography,value\n" + unused + ",2024,S12000005,61.5\n"), "values.csv",
				null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		this.mvc.perform(get("/measures/{c}", unused).with(SignedIn.as(this.users, world.owner())))
			.andExpect(content().string(containsString("Retire this measure")))
			.andExpect(content().string(not(containsString("Delete this measure"))));

		String words = "A measure no plan uses " + world.tag();
		this.mvc.perform(get("/search").param("q", words)).andExpect(content().string(containsString(unused)));
		int listed = listed();

		this.mvc.perform(post("/measures/{c}/retire", unused).with(SignedIn.as(this.users, world.owner())))
			.andExpect(redirectedUrl("/measures/" + unused))
			.andExpect(flash().attribute("done", containsString("The measure is retired")));
		this.mvc.perform(get("/search").param("q", words)).andExpect(content().string(not(containsString(unused))));
		assertThat(listed()).isEqualTo(listed - 1);
		// its own page, its values and its open-data record stay, marked retired
		this.mvc.perform(get("/measures/{c}", unused))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Retired on " + LocalDate.now().getDayOfMonth() + " ")))
			.andExpect(content().string(containsString("61.5")));
		this.mvc.perform(get("/api/measures/{c}", unused)).andExpect(content().string(containsString("\"retiredOn\":\"" + LocalDate.now() + "\"")));
		this.mvc.perform(asyncDispatch(this.mvc.perform(get("/open-data/measures.yaml")).andReturn()))
			.andExpect(content().string(containsString("code: \"" + unused + "\"")))
			.andExpect(content().string(containsString("retired: \"" + LocalDate.now() + "\"")));
		assertThat(this.jdbc.sql("select summary from audit_event where entity_id = ? order by id desc limit 1").param(unused).query(String.class)
			.single()).isEqualTo("Retired measure " + unused);

		this.mvc.perform(post("/measures/{c}/bring-back", unused).with(SignedIn.as(this.users, world.owner())))
			.andExpect(flash().attribute("done", "The measure is back in use and listed again."));
		this.mvc.perform(get("/search").param("q", words)).andExpect(content().string(containsString(unused)));
		assertThat(listed()).isEqualTo(listed);
	}

	/** How many measures the measures list and the API list. */
	private int listed() throws Exception {
		return Integer.parseInt(this.mvc.perform(get("/api/measures").param("size", "1")).andReturn().getResponse().getHeader("X-Total-Count"));
	}

	@Test
	void aMeasureAPlanUsesIsNeitherRetiredNorDeletedAndOneWithValuesIsNotDeleted() throws Exception {
		Fixtures.World world = this.fixtures.world();
		this.mvc.perform(get("/measures/{c}", world.gap()).with(SignedIn.as(this.users, world.owner())))
			.andExpect(content().string(not(containsString("Retire this measure"))));
		this.mvc.perform(post("/measures/{c}/retire", world.gap()).with(SignedIn.as(this.users, world.owner())))
			.andExpect(flash().attribute("errors", Map.of("measure", "You cannot retire this measure: it is used by action A1 of "
					+ world.plan().title() + ". Take it out of the plans first.")));
		this.mvc.perform(post("/measures/{c}/delete", world.gap()).with(SignedIn.as(this.users, world.owner())))
			.andExpect(flash().attribute("errors", Map.of("measure", "You cannot delete this measure: it is used by action A1 of "
					+ world.plan().title() + "; it has 2 values. Retire it instead, which keeps what it has.")));
		assertThat(this.jdbc.sql("select retired_on from measure where code = ?").param(world.gap()).query(LocalDate.class).optional())
			.isEmpty();
		// a viewer may do neither
		this.mvc.perform(post("/measures/{c}/retire", world.unusedMeasure()).with(SignedIn.as(this.users, world.viewer())))
			.andExpect(status().isForbidden());
		// nor may a plans file retire a measure a plan uses
		assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> this.definitions.define(new ByteArrayInputStream(("format: golden-thread/measures@1\nmeasures:\n- code: " + world.gap()
					+ "\n  retired: 2026-12-01\n").getBytes(StandardCharsets.UTF_8)), "retire.yaml"))
			.satisfies((ex) -> assertThat(ex.report().errors()).extracting(ObservationImporter.RowProblem::reason)
				.containsExactly("measure #1 (" + world.gap() + "): a measure a plan uses cannot be retired: take it out of the plans first"));
	}

	@Test
	void aMeasureWithNoValuesThatNothingUsesIsDeletedAndAudited() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String unused = world.unusedMeasure();
		this.mvc.perform(get("/measures/{c}", unused).with(SignedIn.as(this.users, world.owner())))
			.andExpect(content().string(containsString("Delete this measure")));
		this.mvc.perform(post("/measures/{c}/delete", unused).with(SignedIn.as(this.users, world.owner())))
			.andExpect(redirectedUrl("/measures"))
			.andExpect(flash().attribute("done", "The measure " + unused + " is deleted."));
		this.mvc.perform(get("/measures/{c}", unused)).andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select summary from audit_event where entity_id = ? order by id desc limit 1").param(unused).query(String.class)
			.single()).isEqualTo("Deleted measure " + unused);
	}

}
