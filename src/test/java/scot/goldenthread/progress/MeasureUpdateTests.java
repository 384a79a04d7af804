package scot.goldenthread.progress;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A measure's lead enters its value for a period through the same cycle as an action's update: the
 * value reaches the measure's series, and so every plan that uses it, only when the plan owner approves.
 * Each test has a world of its own, whose gap measure action A1 uses and the world's lead leads.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeasureUpdateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProgressUpdates updates;

	@Autowired
	MeasureUpdates measureUpdates;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	String gap;

	long period;

	String lead;

	String owner;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
		this.gap = this.world.gap();
		this.period = this.world.open().id();
		this.lead = this.world.lead();
		this.owner = this.world.owner();
	}

	ResultActions saveAs(String user, long period, String json) throws Exception {
		return this.mvc.perform(put("/api/measures/{c}/updates/{p}", this.gap, period).with(SignedIn.as(this.users, user))
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions reviewAs(String user, long update, String decision, String json) throws Exception {
		return this.mvc.perform(post("/api/measure-updates/{u}/" + decision, update).with(SignedIn.as(this.users, user))
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	String observations() throws Exception {
		return this.mvc.perform(get("/api/measures/{c}/observations", this.gap)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theLeadEntersAValueTheOwnerApprovesItAndOnlyThenIsItPublishedWithItsCommentary() throws Exception {
		long period = this.period;
		String before = observations();
		String saved = saveAs(this.lead, period, """
				{"measurePeriod": "2023-2024", "value": "12.6", "valueStatus": "provisional",
				 "commentary": "The gap has narrowed:\\n- targeted numeracy support in 6 schools\\n- stretch aim still 11pp"}""")
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("draft")).andExpect(jsonPath("$.measurePeriod").value("2023/24"))
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(saved.replaceAll(".*\"id\":(\\d+).*", "$1"));
		saveAs(this.lead, period, """
				{"measurePeriod": "2023/24", "value": 12.6, "valueStatus": "provisional", "version": 0, "submit": true,
				 "commentary": "The gap has narrowed:\\n- targeted numeracy support in 6 schools\\n- stretch aim still 11pp"}""")
			.andExpect(jsonPath("$.state").value("submitted"));
		// not yet published: neither the series, nor the public list of updates, nor the measure page
		assertThat(observations()).isEqualTo(before);
		this.mvc.perform(get("/api/measures/{c}/updates", this.gap)).andExpect(jsonPath("$.length()").value(0));
		this.mvc.perform(get("/api/measures/{c}/updates", this.gap).with(SignedIn.as(this.users, this.world.viewer())))
			.andExpect(jsonPath("$[0].state").value("submitted"));

		// another contributor may not approve, nor may the lead approve their own
		reviewAs(this.world.otherLead(), id, "approve", "{\"version\": 1}").andExpect(status().isForbidden());
		reviewAs(this.lead, id, "approve", "{\"version\": 1}").andExpect(status().isForbidden());
		this.mvc.perform(get("/my-updates").with(SignedIn.as(this.users, this.owner)))
			.andExpect(content().string(containsString("/measures/" + this.gap + "/update?period=" + period)));
		reviewAs(this.owner, id, "approve", "{\"version\": 1}").andExpect(jsonPath("$.state").value("approved"));

		this.mvc.perform(get("/api/measures/{c}/observations", this.gap))
			.andExpect(jsonPath("$[?(@.period == '2023/24')].value").value(12.6))
			.andExpect(jsonPath("$[?(@.period == '2023/24')].status").value("provisional"));
		this.mvc.perform(get("/measures/{c}", this.gap).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<li>targeted numeracy support in 6 schools</li>")))
			.andExpect(content().string(containsString("Written by " + this.lead)));
		assertThat(this.audit.history("measure-update", id)).extracting(AuditLog.AuditEvent::actor)
			.containsExactly(this.lead, this.lead, this.owner);
	}

	@Test
	void anApprovedValueForAPeriodAlreadyHeldIsARevisionThatKeepsTheOldValue() throws Exception {
		long period = this.period;
		saveAs(this.lead, period, """
				{"measurePeriod": "2022/23", "value": 14.1, "commentary": "Corrected after the final SNSA figures.", "submit": true}""")
			.andExpect(status().isOk());
		long id = this.measureUpdates.update(this.gap, period).orElseThrow().id();
		reviewAs(this.owner, id, "approve", "{\"version\": 0}").andExpect(status().isOk());
		this.mvc.perform(get("/api/measures/{c}/observations", this.gap))
			.andExpect(jsonPath("$[?(@.period == '2022/23')].value").value(14.1));
		assertThat(this.jdbc.sql("""
				select r.value::text from observation_revision r join observation o on o.id = r.observation_id
				join measure m on m.id = o.measure_id where m.code = ? and o.period_start = '2022-08-01'""").param(this.gap)
			.query(String.class).list()).contains("14.3");
	}

	@Test
	void badInputGetsAClearMessageBesideItsFieldAndChangesNothing() throws Exception {
		long period = this.period;
		for (String[] bad : new String[][] {
				{ "{\"measurePeriod\": \"2023\", \"value\": 12, \"commentary\": \"ok\"}", "measurePeriod", "'2023' is not an academic year" },
				{ "{\"measurePeriod\": \"2023/25\", \"value\": 12, \"commentary\": \"ok\"}", "measurePeriod", "does not run into the next year" },
				{ "{\"measurePeriod\": \"2023/24\", \"value\": \"twelve\", \"commentary\": \"ok\"}", "value", "Enter the value as a number" },
				{ "{\"measurePeriod\": \"2023/24\", \"value\": 12, \"valueStatus\": \"guess\", \"commentary\": \"ok\"}", "valueStatus", "Choose provisional or final" },
				{ "{\"measurePeriod\": \"2023/24\", \"value\": 12, \"commentary\": \"<script>alert(1)</script>\"}", "commentary", "plain text without HTML tags" },
				{ "{\"measurePeriod\": \"2023/24\", \"value\": 12, \"commentary\": \"" + "a".repeat(5001) + "\"}", "commentary", "5000 characters or fewer; it has 5001" },
				{ "{\"measurePeriod\": \"2023/24\", \"value\": 12, \"commentary\": \"\"}", "commentary", "Enter the commentary" } }) {
			saveAs(this.lead, period, bad[0]).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors." + bad[1]).value(containsString(bad[2])));
		}
		assertThat(this.measureUpdates.update(this.gap, period)).isEmpty();
		// the page shows the message beside the field and keeps what was typed, escaped
		this.mvc.perform(post("/measures/{c}/update", this.gap).with(SignedIn.as(this.users, this.lead))
			.param("period", String.valueOf(period)).param("measurePeriod", "2023/24").param("value", "abc").param("commentary", "<b>x</b>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"govuk-error-message\" id=\"value-error\">")))
			.andExpect(content().string(containsString("&lt;b&gt;x&lt;/b&gt;</textarea>")));
		assertThat(this.measureUpdates.update(this.gap, period)).isEmpty();
	}

	@Test
	void onlyTheMeasuresLeadAndThePlansOwnersMayUpdateIt() throws Exception {
		long period = this.period;
		String json = "{\"measurePeriod\": \"2023/24\", \"value\": 12, \"commentary\": \"ok\"}";
		saveAs(this.world.otherLead(), period, json).andExpect(status().isForbidden());
		saveAs(this.world.viewer(), period, json).andExpect(status().isForbidden());
		// another contributor sees it, as anyone who may see unpublished work does, but gets no form
		this.mvc.perform(get("/measures/{c}/update", this.gap).param("period", String.valueOf(period)).with(SignedIn.as(this.users, this.world.otherLead())))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("name=\"commentary\""))));
		// a measure the plan does not use cannot be updated in its periods
		this.mvc.perform(put("/api/measures/{c}/updates/{p}", this.world.unusedMeasure(), period).with(SignedIn.as(this.users, this.owner))
			.contentType(MediaType.APPLICATION_JSON).content("{\"measurePeriod\": \"2025\", \"value\": 20, \"commentary\": \"ok\"}"))
			.andExpect(status().isNotFound());
		// the lead finds it among what they owe, with the form
		this.mvc.perform(get("/my-updates").with(SignedIn.as(this.users, this.lead)))
			.andExpect(content().string(containsString("/measures/" + this.gap + "/update?period=" + period)));
		this.mvc.perform(get("/measures/{c}/update", this.gap).param("period", String.valueOf(period)).with(SignedIn.as(this.users, this.lead)))
			.andExpect(content().string(containsString("name=\"commentary\"")))
			.andExpect(content().string(containsString("Latest published values")));
		this.mvc.perform(get("/my-updates").with(SignedIn.as(this.users, this.world.otherLead())))
			.andExpect(content().string(not(containsString(this.gap))));
		assertThat(this.measureUpdates.update(this.gap, period)).isEmpty();
	}

}
