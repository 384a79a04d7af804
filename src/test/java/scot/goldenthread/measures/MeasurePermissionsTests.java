package scot.goldenthread.measures;

import org.junit.jupiter.api.Test;

import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A measure belongs to the plans that use it: NIF-NUM-GAP is the People Business Plan's, so the Alliance's
 * plan owner, who owns the LOIP, may change the LOIP's measures but not it; its lead and the plan's owner may.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class MeasurePermissionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	MockMultipartFile csv(String rows) {
		return new MockMultipartFile("file", "values.csv", "text/csv", ("measure,period,geography,value\n" + rows).getBytes());
	}

	@Test
	void onlyTheOwnersOfThePlansThatUseAMeasureAndItsLeadChangeIt() throws Exception {
		String commentary = "{\"period\": \"2022/23\", \"text\": \"The story behind the data.\"}";
		this.mvc.perform(post("/api/measures/NIF-NUM-GAP/commentary").with(SignedIn.as(this.users, "alliance.officer"))
			.contentType(MediaType.APPLICATION_JSON).content(commentary)).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/measures/NIF-NUM-GAP/commentary").with(SignedIn.as(this.users, "people.director"))
			.contentType(MediaType.APPLICATION_JSON).content(commentary)).andExpect(status().isCreated());
		this.mvc.perform(post("/api/measures/NIF-NUM-GAP/commentary").with(SignedIn.as(this.users, "secondary.manager"))
			.contentType(MediaType.APPLICATION_JSON).content(commentary)).andExpect(status().isCreated());
		this.mvc.perform(multipart("/api/observations/import").file(csv("NIF-NUM-GAP,2023/24,S12000005,13.1\n"))
			.param("measure", "NIF-NUM-GAP").with(SignedIn.as(this.users, "alliance.officer"))).andExpect(status().isForbidden());
		// a file of several measures from the LOIP's owner: its own measures' values load, but not with another plan's
		long before = this.jdbc.sql("select count(*) from observation").query(Long.class).single();
		this.mvc.perform(multipart("/api/observations/import").file(csv("LOIP-PL-05,2023/24,S12000005,20.5\nNIF-NUM-GAP,2023/24,S12000005,13.1\n"))
			.with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].reason").value(
					"you may not change the values of NIF-NUM-GAP: only its lead and the owners of the plans that use it may"));
		assertThat(this.jdbc.sql("select count(*) from observation").query(Long.class).single()).isEqualTo(before);
		this.mvc.perform(multipart("/api/observations/import").file(csv("LOIP-PL-05,2023/24,S12000005,20.5\n"))
			.with(SignedIn.as(this.users, "alliance.officer"))).andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(1));
		this.mvc.perform(multipart("/api/measures/definitions").file(new MockMultipartFile("file", "m.yaml", "application/yaml", """
				format: golden-thread/measures@1
				measures:
				- {code: NIF-NUM-GAP, source: Somewhere else}
				""".getBytes())).with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason").value(
					"measure #1 (NIF-NUM-GAP): you may not change NIF-NUM-GAP: only its lead and the owners of the plans that use it may"));
	}

}
