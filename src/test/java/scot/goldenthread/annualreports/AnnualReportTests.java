package scot.goldenthread.annualreports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanTree;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan's annual report: made from the data, every measure in it whichever way it went; the owner writes the words,
 * never the figures, approves and publishes it; the public sees it only then, as it was published, as a page, a tagged
 * PDF, a Word file and open data.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnnualReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	MeasureCatalogue measures;

	@Test
	void theLoipsDraftFor2024IsMadeFromTheDemoDataWithEveryMeasureAndKeptFromThePublic() throws Exception {
		PlanTree loip = this.plans.tree(this.plans.plan("LOIP-2024-34").orElseThrow().id()).orElseThrow();
		long id = this.jdbc.sql("select id from annual_report where plan_id = ? and year = '2024/25'").param(loip.plan().id()).query(Long.class).single();
		this.mvc.perform(get("/annual-reports/{id}", id)).andExpect(status().isNotFound());
		assertThat(page(get("/plans/{id}/annual-reports", loip.plan().id()))).contains("No annual report is published yet").doesNotContain("/annual-reports/" + id);
		String draft = page(get("/annual-reports/{id}", id).with(SignedIn.as(this.users, "admin")));
		assertThat(draft).contains("Annual report 2024/25", "1 April 2024", "31 March 2025", "What improved (", "What got worse (", "Source: ",
				"This draft is seen by the partnership only");
		AnnualReportContent content = content(id);
		Set<String> unpublished = this.measures.unpublished();
		Set<String> own = loip.elements().stream().flatMap((e) -> e.measures().stream()).map(MeasureDefinition::code)
			.filter((c) -> !unpublished.contains(c)).collect(Collectors.toSet());
		// every published measure, not a chosen few; on the demo's real series some went each way
		assertThat(content.measures()).extracting(AnnualReportContent.MeasureRow::code).containsExactlyInAnyOrderElementsOf(own);
		assertThat(content.went(AnnualReportContent.Direction.IMPROVED)).isNotEmpty();
		assertThat(content.went(AnnualReportContent.Direction.WORSE)).isNotEmpty();
		assertThat(content.measures()).filteredOn((m) -> m.latest() != null).allSatisfy((m) -> assertThat(m.source()).isNotBlank());
		// every measure is in a section, whether it is a priority's or an action's
		assertThat(content.sections().stream().flatMap((s) -> s.measures().stream()).collect(Collectors.toSet())).containsAll(own);
		assertThat(content.sections()).extracting(AnnualReportContent.Section::code).contains("WB");
		// the draft as a tagged PDF, its first page kept to look at (the README shows it)
		byte[] pdf = this.mvc.perform(get("/annual-reports/{id}/download", id).param("format", "pdf").with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(new PDFTextStripper().getText(document)).contains("Annual report 2024/25", "Improved", "Got worse", "Draft: not yet published.");
			java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
			java.nio.file.Files.createDirectories(shots);
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72), "png",
					shots.resolve("annual-report-loip-pdf-page-1.png").toFile());
		}
	}

	@Test
	void theOwnerWritesTheWordsApprovesAndPublishesAndThePublicSeesItAsItWasPublished() throws Exception {
		Fixtures.World world = this.fixtures.world();
		long plan = world.plan().id();
		String owner = world.owner();
		this.mvc.perform(post("/plans/{id}/annual-reports", plan).param("year", "2025/26").with(SignedIn.as(this.users, world.lead())))
			.andExpect(status().isForbidden());
		assertThat(page(post("/plans/{id}/annual-reports", plan).param("year", "2025").with(SignedIn.as(this.users, owner))))
			.contains("Error: Annual reports", "Enter the reporting year as the year it starts and the next, such as 2024/25");
		String made = this.mvc.perform(post("/plans/{id}/annual-reports", plan).param("year", "2025/26").with(SignedIn.as(this.users, owner)))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(made.replaceAll("\\D+", ""));
		assertThat(page(post("/plans/{id}/annual-reports", plan).param("year", "2025/26").with(SignedIn.as(this.users, owner))))
			.contains("The plan already has a report for 2025/26");
		String measure = content(id).measures().get(0).code();
		// the words are the officers'; a figure is not a part they can write
		assertThat(page(post("/annual-reports/{id}/words", id).param("version", "0").param("word.latest:" + measure, "100%")
			.param("word.summary", "<b>Bold</b>").with(SignedIn.as(this.users, owner)))).contains("There is no such part of the report",
					"The text must be plain text without HTML tags");
		this.mvc.perform(post("/annual-reports/{id}/words", id).param("version", "0").param("word.summary", "A year of steady progress & more.")
			.param("word.measure:" + measure, "Fewer families waited.").with(SignedIn.as(this.users, owner)))
			.andExpect(redirectedUrl("/annual-reports/" + id));
		// a story with its picture, which says what it shows
		assertThat(page(multipart("/annual-reports/{id}/stories", id).file(new MockMultipartFile("picture", "x.gif", null, new byte[] { 'G', 'I', 'F' }))
			.param("title", "").param("text", "").with(SignedIn.as(this.users, owner)))).contains("Enter the story&#39;s title", "Enter the story",
					"Upload the picture as a PNG or JPEG file", "Say in up to 500 characters what the picture shows");
		this.mvc.perform(multipart("/annual-reports/{id}/stories", id).file(new MockMultipartFile("picture", "garden.png", null, png()))
			.param("title", "The Alloa community garden").param("text", "Twelve families grow their own food.")
			.param("altText", "Volunteers planting trees at the garden").with(SignedIn.as(this.users, owner)))
			.andExpect(redirectedUrl("/annual-reports/" + id + "/words#stories"));
		this.mvc.perform(post("/annual-reports/{id}/publish", id).param("version", "1").with(SignedIn.as(this.users, owner)))
			.andExpect(flash().attribute("problem", "The plan's owner approves the report before it is published"));
		this.mvc.perform(post("/annual-reports/{id}/approve", id).param("version", "0").with(SignedIn.as(this.users, owner)))
			.andExpect(flash().attribute("problem", "Someone changed this report after you opened it, so nothing was saved. It is shown as it is now."));
		this.mvc.perform(post("/annual-reports/{id}/approve", id).param("version", "1").with(SignedIn.as(this.users, world.lead())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/annual-reports/{id}", id)).andExpect(status().isNotFound());
		this.mvc.perform(post("/annual-reports/{id}/approve", id).param("version", "1").with(SignedIn.as(this.users, owner)));
		this.mvc.perform(post("/annual-reports/{id}/publish", id).param("version", "2").with(SignedIn.as(this.users, owner)))
			.andExpect(flash().attribute("done", "The report is published."));
		String published = page(get("/annual-reports/{id}", id));
		assertThat(published).contains("Published on", "A year of steady progress &amp; more.", "Fewer families waited.", "What improved (",
				"What got worse (", "The Alloa community garden", "alt=\"Volunteers planting trees at the garden\"", "src=\"data:image/png;base64,")
			.doesNotContain("Approve the report", "Change the words");
		// as it was published, whatever comes after: no words, no figures brought up to date
		this.mvc.perform(post("/annual-reports/{id}/refresh", id).param("version", "3").with(SignedIn.as(this.users, owner)))
			.andExpect(flash().attribute("problem", "A published report stays as it was published"));
		assertThat(page(get("/plans/{id}/annual-reports", plan))).contains("Annual report 2025/26", "Published on");
		// the files: a tagged PDF, a Word file with Word's headings, and the data as published
		byte[] pdf = this.mvc.perform(get("/annual-reports/{id}/download", id).param("format", "pdf")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(new PDFTextStripper().getText(document)).contains("Annual report 2025/26", "A year of steady progress & more.", "Fewer families waited.",
					"You said, we did", "The Alloa community garden");
			// its first page, to look at and to show in the README
			java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
			java.nio.file.Files.createDirectories(shots);
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 60), "png",
					shots.resolve("annual-report-pdf-page-1.png").toFile());
		}
		byte[] word = this.mvc.perform(get("/annual-reports/{id}/download", id).param("format", "docx")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(word))) {
			assertThat(document.getParagraphs()).filteredOn((p) -> "Heading2".equals(p.getStyle())).extracting((p) -> p.getText()).startsWith("Summary");
			assertThat(document.getTables()).isNotEmpty();
			assertThat(document.getAllPictures()).hasSize(1);
			assertThat(new String(word, StandardCharsets.ISO_8859_1)).doesNotContain("resident");
		}
		assertThat(page(get("/open-data/annual-reports/{id}.json", id))).contains("\"year\":\"2025/26\"", "Fewer families waited.");
		assertThat(this.jdbc.sql("select string_agg(summary, ' | ' order by id) from audit_event where entity_type = 'annual-report' and entity_id = ?")
			.param(String.valueOf(id)).query(String.class).single()).contains("Made the annual report 2025/26", "Wrote the words", "Approved", "Published");
	}

	@Test
	void aResidentCommentsOnTheOpenDraftAndTheOwnerPublishesOrDeclinesEachWithAReply() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String owner = world.owner();
		String made = this.mvc.perform(post("/plans/{id}/annual-reports", world.plan().id()).param("year", "2025/26").with(SignedIn.as(this.users, owner)))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(made.replaceAll("\\D+", ""));
		this.mvc.perform(get("/annual-reports/{id}", id)).andExpect(status().isNotFound());
		java.time.LocalDate today = java.time.LocalDate.now();
		assertThat(page(post("/annual-reports/{id}/comment-days", id).param("version", "0").param("commentsFrom.day", "31")
			.param("commentsFrom.month", "2").param("commentsFrom.year", "2026").with(SignedIn.as(this.users, owner)))).contains("Enter a real day");
		this.mvc.perform(post("/annual-reports/{id}/comment-days", id).param("version", "0").param("commentsFrom", today.toString())
			.param("commentsTo", today.plusDays(14).toString()).with(SignedIn.as(this.users, owner)))
			.andExpect(redirectedUrl("/annual-reports/" + id + "/comments"));
		// open: anyone reads the draft and comments, with the form's token and within the limits
		assertThat(page(get("/annual-reports/{id}", id))).contains("This is a draft, open for your comments until", "Send your comment");
		this.mvc.perform(post("/annual-reports/{id}/comments", id).param("text", "No token").with(from("10.9.8.7"))).andExpect(status().is4xxClientError());
		assertThat(page(post("/annual-reports/{id}/comments", id).param("text", " ").param("email", "not an address").param("about", "figures")
			.with(csrf()).with(from("10.9.8.7")))).contains("Enter your comment", "Enter an email address like name@example.org",
					"Choose a part of the report, or the whole report");
		for (int i = 1; i <= ReportComments.PER_HOUR; i++) {
			this.mvc.perform(post("/annual-reports/{id}/comments", id).param("text", "Comment " + i + ": see https://evil.example/x")
				.param("name", "Resident " + i).param("email", "resident" + i + "@example.org")
				.param("about", (i < ReportComments.PER_HOUR) ? "summary" : "measure:" + content(id).measures().get(0).code()).with(csrf())
				.with(from("10.9.8.7"))).andExpect(redirectedUrl("/annual-reports/" + id + "#comments"));
		}
		assertThat(page(post("/annual-reports/{id}/comments", id).param("text", "One too many").with(csrf()).with(from("10.9.8.7"))))
			.contains("You have sent 5 comments in the last hour");
		this.mvc.perform(post("/annual-reports/{id}/comments", id).param("text", "x".repeat(ReportComments.MAX_TEXT + 1)).with(csrf())
			.with(from("10.9.8.6"))).andExpect(status().isOk());
		// held until the owner decides: not on the public page; the owner sees each, with its address
		assertThat(page(get("/annual-reports/{id}", id))).doesNotContain("Comment 1:");
		String held = page(get("/annual-reports/{id}/comments", id).with(SignedIn.as(this.users, owner)));
		assertThat(held).contains("Comment 1: see https://evil.example/x", "resident1@example.org", ": held", "On: The summary",
				"On: Measure: " + content(id).measures().get(0).title());
		this.mvc.perform(get("/annual-reports/{id}/comments", id).with(SignedIn.as(this.users, world.lead()))).andExpect(status().isForbidden());
		java.util.List<Long> ids = this.jdbc.sql("select id from annual_report_comment where report_id = ? order by id").param(id).query(Long.class).list();
		assertThat(ids).hasSize(ReportComments.PER_HOUR);
		assertThat(page(post("/annual-reports/{id}/comments/{c}", id, ids.get(1)).param("decision", "declined").with(SignedIn.as(this.users, owner))))
			.contains("Say why the comment is declined");
		this.mvc.perform(post("/annual-reports/{id}/comments/{c}", id, ids.get(1)).param("decision", "declined").param("reason", "It names a member of staff")
			.with(SignedIn.as(this.users, owner))).andExpect(redirectedUrl("/annual-reports/" + id + "/comments"));
		this.mvc.perform(post("/annual-reports/{id}/comments/{c}", id, ids.get(0)).param("decision", "published")
			.param("reply", "Thank you: the summary now says so.").with(SignedIn.as(this.users, owner)));
		String open = page(get("/annual-reports/{id}", id));
		assertThat(open).contains("Resident 1", "Comment 1: see https://evil.example/x", "The partnership replied:", "Thank you: the summary now says so.")
			.doesNotContain("href=\"https://evil.example", "resident1@example.org", "Comment 2:", "It names a member of staff");
		// published with what changed as a result, and how many came
		this.mvc.perform(post("/annual-reports/{id}/words", id).param("version", "1").param("word.comments", "The summary names the bus routes.")
			.with(SignedIn.as(this.users, owner))).andExpect(redirectedUrl("/annual-reports/" + id));
		this.mvc.perform(post("/annual-reports/{id}/approve", id).param("version", "2").with(SignedIn.as(this.users, owner)));
		this.mvc.perform(post("/annual-reports/{id}/publish", id).param("version", "3").with(SignedIn.as(this.users, owner)))
			.andExpect(flash().attribute("done", "The report is published."));
		assertThat(page(get("/annual-reports/{id}", id))).contains("5 comments were received while the draft was open; 1 is published here with the replies of the partnership",
				"What changed as a result", "The summary names the bus routes.", "Comment 1: see").doesNotContain("Send your comment", "resident1@example.org");
		assertThat(page(get("/open-data/annual-reports/{id}.json", id))).doesNotContain("resident1@example.org");
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'annual-report-comment' and entity_id in ("
				+ ids.stream().map(String::valueOf).map((x) -> "'" + x + "'").collect(Collectors.joining(", ")) + ")").query(Integer.class).single())
			.isEqualTo(ReportComments.PER_HOUR + 2);
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'annual-report-comment' and after::text like '%resident1@%'")
			.query(Integer.class).single()).isZero();
	}

	/** A small PNG, as a phone's photograph would be, only smaller. */
	private static byte[] png() throws java.io.IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** The figures as made, read as the database keeps them: a draft is no one's to read here but the partnership's. */
	private AnnualReportContent content(long id) {
		return JsonMapper.builder().build().readValue(this.jdbc.sql("select content::text from annual_report where id = ?").param(id)
			.query(String.class).single(), AnnualReportContent.class);
	}

	private String page(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
