package scot.goldenthread.progress;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The plan owner's cockpit of a period: who owes what, approving what waits, reminding, and the same as a file. */
@SpringBootTest(properties = { "spring.mail.host=localhost", "spring.mail.port=3025" })
@AutoConfigureMockMvc
class CockpitTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	@Test
	void theOwnerSeesWhoOwesWhatApprovesWhatWaitsAndRemindsTheRest() throws Exception {
		Fixtures.World world = this.fixtures.world();
		ReportingPeriod period = world.open();
		long plan = world.plan().id();
		submit(world, world.element("A1").id(), period.id(), 60);
		submit(world, world.element("A2").id(), period.id(), 30);

		String page = page(world, get("/plans/{p}/cockpit", plan).param("period", String.valueOf(period.id())));
		assertThat(page).contains("Updates cockpit", "Waiting for your review", "Not begun", "Waiting for approval",
				"Publish the attainment gap by locality", "Due in 20 days", "0% complete");
		// the engagement record over the period before: the fixture's 2025 updates were approved after its deadline
		assertThat(page).contains("Engagement over the periods before", "Interim update 2025");
		// the fixture's leads' assessments agree with their progress against time (the demo's do not: OneStatusTests)
		assertThat(page).contains("None: every lead's current assessment agrees with progress against the time gone.");

		// the same list, narrowed to what is not begun, as CSV and Excel
		List<CsvRecord> csv = CsvReader.builder().ofCsvRecord(new StringReader(this.mvc.perform(get("/plans/{p}/cockpit/download", plan)
			.param("period", String.valueOf(period.id())).param("state", "not-begun").param("format", "csv")
			.with(SignedIn.as(this.users, world.owner()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))).stream().toList();
		assertThat(csv.get(0).getField(0)).isEqualTo("Period");
		assertThat(csv.subList(1, csv.size())).extracting((r) -> r.getField(2)).contains("A3").doesNotContain("A1", "A2");
		assertThat(csv.subList(1, csv.size())).extracting((r) -> r.getField(6)).containsOnly("Not begun");
		byte[] xlsx = this.mvc.perform(get("/plans/{p}/cockpit/download", plan).param("period", String.valueOf(period.id())).param("format", "xlsx")
			.with(SignedIn.as(this.users, world.owner()))).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheet("Updates due").getRow(0).getCell(3).getStringCellValue()).isEqualTo("Title");
		}

		// approving the ticked updates from the cockpit; one changed meanwhile is refused by name, not overwritten
		String a1 = ticked(page, "A1");
		String a2 = ticked(page, "A2");
		this.mvc.perform(post("/plans/{p}/cockpit/approve", plan).param("period", String.valueOf(period.id()))
			.param("updates", a1, a2.replaceAll(":\\d+$", ":99")).with(csrf()).with(SignedIn.as(this.users, world.owner())))
			.andExpect(status().is3xxRedirection())
			.andExpect((r) -> assertThat(r.getFlashMap().get("done")).isEqualTo("1 update approved and published."))
			.andExpect((r) -> assertThat(r.getFlashMap().get("refused")).asString().contains("changed this update"));
		assertThat(page(world, get("/plans/{p}/cockpit", plan).param("period", String.valueOf(period.id())))).contains("Approved");

		// a lead may not open the cockpit, nor the public, who are asked to sign in
		this.mvc.perform(get("/plans/{p}/cockpit", plan).with(SignedIn.as(this.users, world.lead()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/plans/{p}/cockpit", plan).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
			.andExpect((r) -> assertThat(r.getResponse().getRedirectedUrl()).endsWith("/sign-in"));
		this.mvc.perform(get("/plans/{p}/cockpit/download", plan).param("format", "csv")).andExpect(status().isUnauthorized());

		// a reminder sent by hand goes to the leads who still owe, once a day
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(post("/plans/{p}/cockpit/remind", plan).param("period", String.valueOf(period.id())).with(csrf())
				.with(SignedIn.as(this.users, world.owner()))).andExpect(status().is3xxRedirection());
		}
		List<String> toOther = new java.util.ArrayList<>();
		for (jakarta.mail.internet.MimeMessage m : mail.getReceivedMessages()) {
			if (GreenMailUtil.getAddressList(m.getAllRecipients()).equals(world.otherLead() + "@fixtures.example")) {
				toOther.add(GreenMailUtil.getBody(m));
			}
		}
		assertThat(toOther).singleElement().asString().contains("A3 Publish the attainment gap by locality");
		assertThat(page(world, get("/plans/{p}/cockpit", plan).param("period", String.valueOf(period.id())))).contains("Sent by the plan owner");
	}

	/** The checkbox value the cockpit gives an update waiting for review, found by its action's code. */
	private static String ticked(String page, String code) {
		int at = page.indexOf("<span class=\"gt-code\">" + code + "</span>", page.indexOf("Waiting for your review"));
		String before = page.substring(0, at);
		String input = before.substring(before.lastIndexOf("value=\"") + 7);
		return input.substring(0, input.indexOf('"'));
	}

	private void submit(Fixtures.World world, long action, long period, int progress) throws Exception {
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", action, period).with(SignedIn.as(this.users, world.lead()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"progress\": " + progress + ", \"note\": \"Done so far.\", \"submit\": true}"))
			.andExpect(status().isOk());
	}

	private String page(Fixtures.World world, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, world.owner()))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
