package scot.goldenthread.reports;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.shared.DateInput;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Seed 002's cover paper, loaded with the demo, with the progress report as its appendix; and writing one in a world of its own. */
@SpringBootTest
@AutoConfigureMockMvc
class CommitteeReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	CommitteeReports papers;

	@Autowired
	UserDetailsService users;

	@Autowired
	AuditLog audit;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CommitteeAppendices appendices;

	@Autowired
	LaidPapers laid;

	long ppl() {
		return this.plans.plan("PPL-2022-23").orElseThrow().id();
	}

	CommitteeReport seed002() {
		return this.papers.of(ppl()).get(0);
	}

	static String pageText(PDDocument pdf, int page) throws java.io.IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(pdf);
	}

	byte[] file(String format) throws Exception {
		return this.mvc.perform(get("/api/reports/committee/{id}", seed002().id()).param("format", format))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	@Test
	void theDemoHoldsSeed002sCoverPaperWithTheDecemberProgressReportAsItsAppendix() throws Exception {
		CommitteeReport paper = seed002();
		assertThat(paper.subject()).isEqualTo("People Business Plan – Interim Update December 2022");
		// laid before the committee, its files kept as background papers for four years from the meeting
		assertThat(this.laid.of(paper)).extracting(LaidPapers.Laid::keptUntil).containsExactly(LocalDate.of(2027, 2, 9));
		assertThat(paper.numbered()).extracting(CommitteeReport.Numbered::heading).containsExactly("1.0 Purpose", "2.0 Recommendations",
				"3.0 Background", "4.0 Considerations", "5.0 Next Steps", "6.0 Sustainability Implications", "7.0 Resource Implications",
				"8.0 Exempt Reports", "9.0 Declarations", "10.0 Equalities Impact", "11.0 Legality", "12.0 Appendices", "13.0 Background Papers");
		this.mvc.perform(get("/committee-reports/{id}", paper.id()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CLACKMANNANSHIRE COUNCIL")))
			.andExpect(content().string(containsString("9 February 2023")))
			.andExpect(content().string(containsString("<li>School age childcare is now being provided")))
			.andExpect(content().string(containsString("Ended 31 March 2023: the final position, as reported in Interim update December 2022")));
		try (PDDocument pdf = Loader.loadPDF(file("pdf"))) {
			List<String> bookmarks = new ArrayList<>();
			for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
				bookmarks.add(item.getTitle());
			}
			assertThat(bookmarks).hasSize(14).startsWith("1.0 Purpose").endsWith("Appendix 1");
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Report to:", "Audit and Scrutiny Committee", "2.0 Recommendations", "PPL 22 55");
			// the cover portrait, the appendix landscape, in the one file
			PDRectangle cover = pdf.getPage(0).getMediaBox();
			PDRectangle appendix = pdf.getPage(pdf.getNumberOfPages() - 1).getMediaBox();
			assertThat(cover.getHeight()).isGreaterThan(cover.getWidth());
			assertThat(appendix.getWidth()).isGreaterThan(appendix.getHeight());
			// a row longer than a page names its action at the top of the next, and only a row that began on the page before
			List<String> continued = new ArrayList<>();
			for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
				String top = pageText(pdf, page).lines().findFirst().orElse("");
				if (top.endsWith("(continued)")) {
					String code = top.substring(0, "PPL 22 00".length());
					assertThat(pageText(pdf, page - 1)).as("page %d continues %s", page, code).contains(code);
					continued.add(code);
				}
			}
			assertThat(continued).isNotEmpty();
		}
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(file("docx")))) {
			List<String> headings = docx.getParagraphs().stream().filter((p) -> "Heading2".equals(p.getStyle()))
				.map(XWPFParagraph::getText).toList();
			assertThat(headings).startsWith("1.0 Purpose").contains("13.0 Background Papers", "Priority - People Workforce Plan");
			// the facts, the appendix's summary, and its four priorities
			assertThat(docx.getTables()).hasSize(6);
			assertThat(docx.getTables().get(0).getRow(0).getCell(1).getText()).isEqualTo("Audit and Scrutiny Committee");
			// in Word too a row stays whole on its page unless it is longer than a page, under the columns' headings
			assertThat(docx.getTables().subList(2, 6)).allSatisfy((t) -> {
				assertThat(t.getRow(0).isRepeatHeader()).isTrue();
				assertThat(t.getRows().subList(1, t.getRows().size())).allMatch(XWPFTableRow::isCantSplitRow);
			});
			// the cover's section portrait, with the footer; the appendix's, the document's last, landscape
			CTSectPr cover = docx.getParagraphs().stream().filter((p) -> p.getCTP().getPPr() != null && p.getCTP().getPPr().isSetSectPr())
				.findFirst().orElseThrow().getCTP().getPPr().getSectPr();
			assertThat(cover.getPgSz().getOrient()).isEqualTo(STPageOrientation.PORTRAIT);
			assertThat(cover.getFooterReferenceArray()).hasSize(1);
			assertThat(docx.getDocument().getBody().getSectPr().getPgSz().getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
		}
		this.mvc.perform(get("/api/reports/committee/{id}", paper.id()).param("format", "xlsx")).andExpect(status().isBadRequest());
	}

	/** The meeting's date as one year-month-day, or as the form's three boxes: "9 2 2026". */
	MockHttpServletRequestBuilder write(MockHttpServletRequestBuilder request, String user, String recommendations, String meetingDate,
			Integer version) {
		String[] parts = meetingDate.split(" ");
		if (parts.length == 3) {
			request.param("meetingDate.day", parts[0]).param("meetingDate.month", parts[1]).param("meetingDate.year", parts[2]);
		}
		else {
			request.param("meetingDate", meetingDate);
		}
		request.with(SignedIn.as(this.users, user)).param("organisation", "Fixture Council").param("reportTo", "Audit and Scrutiny Committee")
			.param("subject", "Fixture plan – progress").param("reportBy", "Fixture Owner")
			.param("purpose", "To report progress.").param("recommendations", recommendations);
		return (version != null) ? request.param("version", String.valueOf(version)) : request;
	}

	@Test
	void anOwnerWritesAndEditsAPaperAndBadInputIsRefusedBesideItsField() throws Exception {
		Fixtures.World world = this.fixtures.world();
		long plan = world.plan().id();
		String owner = world.owner();
		this.mvc.perform(get("/plans/{id}/committee-reports/new", plan).with(SignedIn.as(this.users, owner)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("name=\"purpose\"")));
		this.mvc.perform(write(post("/plans/{id}/committee-reports", plan), world.lead(), "x", "2026-02-09", null))
			.andExpect(status().isForbidden());
		this.mvc.perform(write(post("/plans/{id}/committee-reports", plan), owner, "<script>x</script>", "09/02/2026", null))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"meetingDate-error\"")))
			.andExpect(content().string(containsString("id=\"recommendations-error\"")))
			.andExpect(content().string(containsString("&lt;script&gt;x&lt;/script&gt;</textarea>")));
		assertThat(this.papers.of(plan)).isEmpty();
		this.mvc.perform(write(post("/plans/{id}/committee-reports", plan), owner, "2.1. Note the report.", "9 2 2026", null))
			.andExpect(status().is3xxRedirection());
		CommitteeReport before = this.papers.of(plan).get(0);
		assertThat(before.meetingDate()).isEqualTo(LocalDate.of(2026, 2, 9));
		this.mvc.perform(get("/committee-reports/{id}/edit", before.id()).with(SignedIn.as(this.users, owner)))
			.andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Audit and Scrutiny Committee"),
					matchesRegex("(?s).*name=\"meetingDate.day\"[^>]*value=\"9\".*name=\"meetingDate.year\"[^>]*value=\"2026\".*"))));
		this.mvc.perform(write(post("/committee-reports/{id}", before.id()), world.lead(), "x", "2026-02-09", before.version()))
			.andExpect(status().isForbidden());
		this.mvc.perform(write(post("/committee-reports/{id}", before.id()), owner, "2.1. Note the report.\n- and challenge it", "2026-02-09",
				before.version()))
			.andExpect(redirectedUrl("/committee-reports/" + before.id()));
		CommitteeReport after = this.papers.get(before.id());
		assertThat(after.sections().get(CommitteeReport.Section.RECOMMENDATIONS)).isEqualTo("2.1. Note the report.\n- and challenge it");
		// the sections the form left empty are left out
		assertThat(after.numbered()).hasSize(2);
		assertThat(this.audit.history("committee-report", after.id())).extracting(AuditLog.AuditEvent::actor).containsOnly(owner);
		// a second save on top of the old version is refused
		this.mvc.perform(write(post("/committee-reports/{id}", before.id()), world.administrator(), "Other words.", "2026-02-09", before.version()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("changed this report after you opened it")));
	}

	static byte[] pdfSaying(String words) throws java.io.IOException {
		try (PDDocument pdf = new PDDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
			pdf.addPage(page);
			try (var text = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
				text.beginText();
				text.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
				text.newLineAtOffset(72, 700);
				text.showText(words);
				text.endText();
			}
			pdf.save(out);
			return out.toByteArray();
		}
	}

	static byte[] wordSaying(String words) throws java.io.IOException {
		try (XWPFDocument docx = new XWPFDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			docx.createParagraph().createRun().setText(words);
			docx.write(out);
			return out.toByteArray();
		}
	}

	org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder attach(long paper, String user, String title, String name,
			byte[] file) {
		org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request = multipart("/committee-reports/{id}/appendices", paper);
		request.file(new MockMultipartFile("file", name, "application/octet-stream", file)).param("title", title);
		request.with(SignedIn.as(this.users, user));
		return request;
	}

	@Test
	void anOwnerAttachesAppendicesAndKeepsTheFilesAsLaidForFourYearsFromTheMeeting() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String owner = world.owner();
		CommitteeReport paper = this.papers.record(world.plan().id(), new CommitteeReports.Draft("Fixture Council", "Audit and Scrutiny Committee",
				DateInput.parse("2026-02-09"), "Fixture paper", "Fixture Owner", null, Map.of(CommitteeReport.Section.PURPOSE, "To report progress."),
				null), owner);
		this.mvc.perform(attach(paper.id(), world.lead(), "Not theirs", "x.pdf", pdfSaying("x"))).andExpect(status().isForbidden());
		this.mvc.perform(attach(paper.id(), owner, "", "notes.txt", "plain words".getBytes()))
			.andExpect(flash().attribute("errors", Map.of("title", "Enter the appendix's title, one line of up to 200 characters",
					"file", "The file must be a PDF or a Word (.docx) file that opens, without a password")));
		this.mvc.perform(attach(paper.id(), owner, "Equality impact assessment", "eqia.pdf", pdfSaying("Fixture equality impact assessment")))
			.andExpect(flash().attribute("done", "Appendix 2, Equality impact assessment, is attached."));
		this.mvc.perform(attach(paper.id(), owner, "Consultation responses", "responses.docx", wordSaying("Fixture responses")))
			.andExpect(flash().attribute("done", "Appendix 3, Consultation responses, is attached."));
		assertThat(this.appendices.of(paper)).extracting(CommitteeAppendices.Attached::number, CommitteeAppendices.Attached::title)
			.containsExactly(tuple(2, "Equality impact assessment"), tuple(3, "Consultation responses"));
		this.mvc.perform(get("/committee-reports/{id}", paper.id()))
			.andExpect(content().string(allOf(containsString("Appendix 2: "), containsString("Consultation responses</a>"),
					containsString(" (Word file, published with this paper)"), not(containsString("Keep the files as laid")))));
		// the PDF carries the PDF appendix after its own pages and lists both; the Word file lists both
		byte[] pdf = this.mvc.perform(get("/committee-reports/{id}/download", paper.id()).param("format", "pdf"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(pageText(document, document.getNumberOfPages())).contains("Fixture equality impact assessment");
			assertThat(new PDFTextStripper().getText(document)).contains("Appendix 2: Equality impact assessment (PDF, after Appendix 1)",
					"Appendix 3: Consultation responses (Word file, published with this paper)");
		}
		byte[] docx = this.mvc.perform(get("/committee-reports/{id}/download", paper.id()).param("format", "docx"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(word.getParagraphs()).extracting(XWPFParagraph::getText)
				.contains("Appendix 2: Equality impact assessment (PDF, published with this paper)");
		}
		// laid: kept as they are, whatever is changed after
		this.mvc.perform(post("/committee-reports/{id}/lay", paper.id()).with(SignedIn.as(this.users, world.lead()))).andExpect(status().isForbidden());
		this.mvc.perform(post("/committee-reports/{id}/lay", paper.id()).with(SignedIn.as(this.users, owner)))
			.andExpect(flash().attribute("done", "The paper's PDF and Word file are kept as laid before the committee, until 9 February 2030."));
		LaidPapers.Laid laid = this.laid.of(paper).get(0);
		assertThat(laid.keptUntil()).isEqualTo(LocalDate.of(2030, 2, 9));
		byte[] asLaid = this.mvc.perform(get("/committee-reports/{id}/laid/{l}", paper.id(), laid.id()).param("format", "pdf"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		this.mvc.perform(post("/committee-reports/{id}/appendices/{a}/remove", paper.id(), this.appendices.of(paper).get(0).id())
			.with(SignedIn.as(this.users, owner))).andExpect(status().is3xxRedirection());
		assertThat(this.appendices.of(paper)).extracting(CommitteeAppendices.Attached::number).containsExactly(2);
		byte[] again = this.mvc.perform(get("/committee-reports/{id}/laid/{l}", paper.id(), laid.id()).param("format", "pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(again).isEqualTo(asLaid);
		try (PDDocument document = Loader.loadPDF(again)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Fixture equality impact assessment");
		}
		this.mvc.perform(get("/committee-reports/{id}", paper.id()))
			.andExpect(content().string(containsString("kept as background papers until 9 February 2030")));
		// four years after its meeting a paper's laid files go
		CommitteeReport old = this.papers.record(world.plan().id(), new CommitteeReports.Draft("Fixture Council", "Audit and Scrutiny Committee",
				DateInput.parse("2020-02-09"), "Old fixture paper", "Fixture Owner", null, Map.of(CommitteeReport.Section.PURPOSE, "Long ago."),
				null), owner);
		long oldLaid = this.laid.record(old, owner).id();
		assertThat(this.laid.of(old)).isEmpty();
		this.mvc.perform(get("/committee-reports/{id}/laid/{l}", old.id(), oldLaid).param("format", "pdf")).andExpect(status().isNotFound());
		assertThat(this.laid.purge()).isGreaterThanOrEqualTo(1);
		assertThat(this.audit.history("laid-paper", oldLaid)).extracting(AuditLog.AuditEvent::action).containsExactly("create", "delete");
	}

}
