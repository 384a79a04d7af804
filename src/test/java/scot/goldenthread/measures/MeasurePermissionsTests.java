package scot.goldenthread.measures;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A measure belongs to the plans that use it: the gap measure is the world's plan's, so the owner of another
 * partnership's plans may change their own measures but not it; its lead and the plan's owner may.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeasurePermissionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	MockMultipartFile csv(String rows) {
		return new MockMultipartFile("file", "values.csv", "text/csv", ("measure,period,geography,value\n" + rows).getBytes());
	}

	@Test
	void onlyTheOwnersOfThePlansThatUseAMeasureAndItsLeadChangeIt() throws Exception {
		Fixtures.World world = this.fixtures.world();
		Fixtures.World elsewhere = this.fixtures.world();
		String gap = world.gap();
		String theirs = elsewhere.gap();
		String commentary = "{\"period\": \"2022/23\", \"text\": \"The story behind the data.\"}";
		this.mvc.perform(post("/api/measures/{m}/commentary", gap).with(SignedIn.as(this.users, elsewhere.owner()))
			.contentType(MediaType.APPLICATION_JSON).content(commentary)).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/measures/{m}/commentary", gap).with(SignedIn.as(this.users, world.owner()))
			.contentType(MediaType.APPLICATION_JSON).content(commentary)).andExpect(status().isCreated());
		this.mvc.perform(post("/api/measures/{m}/commentary", gap).with(SignedIn.as(this.users, world.lead()))
			.contentType(MediaType.APPLICATION_JSON).content(commentary)).andExpect(status().isCreated());
		this.mvc.perform(multipart("/api/observations/import").file(csv(gap + ",2023/24,S12000005,13.1\n"))
			.param("measure", gap).with(SignedIn.as(this.users, elsewhere.owner()))).andExpect(status().isForbidden());
		// a file of several measures from the other owner: their own measures' values load, but not with another plan's
		long before = this.jdbc.sql("select count(*) from observation").query(Long.class).single();
		this.mvc.perform(multipart("/api/observations/import").file(csv(theirs + ",2023/24,S12000005,12.5\n" + gap + ",2023/24,S12000005,13.1\n"))
			.with(SignedIn.as(this.users, elsewhere.owner())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].reason").value(
					"you may not change the values of " + gap + ": only its lead and the owners of the plans that use it may"));
		assertThat(this.jdbc.sql("select count(*) from observation").query(Long.class).single()).isEqualTo(before);
		this.mvc.perform(multipart("/api/observations/import").file(csv(theirs + ",2023/24,S12000005,12.5\n"))
			.with(SignedIn.as(this.users, elsewhere.owner()))).andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(1));
		this.mvc.perform(multipart("/api/measures/definitions").file(new MockMultipartFile("file", "m.yaml", "application/yaml", """
				format: golden-thread/measures@1
				measures:
				- {code: %s, source: Somewhere else}
				""".formatted(gap).getBytes())).with(SignedIn.as(this.users, elsewhere.owner())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason").value(
					"measure #1 (" + gap + "): you may not change " + gap + ": only its lead and the owners of the plans that use it may"));
	}

}
