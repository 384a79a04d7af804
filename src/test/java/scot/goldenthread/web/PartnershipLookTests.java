package scot.goldenthread.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.partnerships.PartnershipLooks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A partnership's owner sets its own look; its pages, its plans' pages and their report files show it. */
@SpringBootTest
@AutoConfigureMockMvc
class PartnershipLookTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserDetailsService users;

	@Autowired
	PartnershipLooks looks;

	@Autowired
	AuditLog audit;

	@Autowired
	PartnershipDirectory directory;

	Fixtures.World world;

	String code;

	String name;

	@BeforeEach
	void aPartnership() {
		this.world = this.fixtures.world();
		this.code = this.world.plan().partnershipCode();
		this.name = this.directory.partnership(this.code).orElseThrow().name();
	}

	static byte[] logo(String format) throws IOException {
		BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
		image.getGraphics().setColor(Color.ORANGE);
		image.getGraphics().fillRect(0, 0, 60, 40);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	MockMultipartHttpServletRequestBuilder look(String user, String colour, byte[] logo) {
		MockMultipartHttpServletRequestBuilder request = multipart("/partnerships/{c}/look", this.code);
		if (logo != null) {
			request.file(new MockMultipartFile("logo", "logo.png", "image/png", logo));
		}
		request.param("name", this.name).param("colour", colour).param("font", "Verdana").param("contact", "Fixture House, Alloa FK10 1EB")
			.param("licence", "Open Government Licence v3.0");
		request.with(csrf()).with(SignedIn.as(this.users, user));
		return request;
	}

	@Test
	void onlyItsOwnersSetItAndAColourWhiteTextCannotBeReadOnIsRefusedBesideItsField() throws Exception {
		this.mvc.perform(get("/partnerships/{c}/look", this.code).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/partnerships/{c}/look", this.code).with(SignedIn.as(this.users, this.world.lead()))).andExpect(status().isForbidden());
		this.mvc.perform(look(this.world.lead(), "#00703c", null)).andExpect(status().isForbidden());
		// the owner is offered the form on the partnership's page; others are not
		this.mvc.perform(get("/partnerships/{c}", this.code).with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(containsString("Set the partnership's look")));
		this.mvc.perform(get("/partnerships/{c}", this.code)).andExpect(content().string(not(containsString("Set the partnership"))));
		this.mvc.perform(look(this.world.owner(), "#ffdd00", "GIF89a not a picture".getBytes()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"colour-error\""),
					containsString("White text on #ffdd00 has a contrast of 1.3 to 1; choose a darker colour, with at least 4.5 to 1"),
					containsString("id=\"logo-error\""), containsString("The logo must be a PNG or JPEG picture"))));
		this.mvc.perform(look(this.world.owner(), "blue", null))
			.andExpect(content().string(containsString("Enter the colour as a hash and six hexadecimal digits, for example #1d70b8")));
		assertThat(this.looks.own(this.code)).isEmpty();
		this.name = " ";
		this.mvc.perform(look(this.world.owner(), "#00703c", null))
			.andExpect(content().string(containsString("Enter the name the partnership goes by, one line of up to 200 characters")));
		assertThat(this.looks.own(this.code)).isEmpty();
	}

	@Test
	void itsPagesAndItsPlansPagesAndReportFilesShowIt() throws Exception {
		byte[] png = logo("png");
		this.mvc.perform(look(this.world.owner(), " #00703C ", png)).andExpect(redirectedUrl("/partnerships/" + this.code + "/look"));
		assertThat(this.looks.own(this.code)).hasValueSatisfying((look) -> {
			assertThat(look.colour()).isEqualTo("#00703c");
			assertThat(look.logoWidth()).isEqualTo(120);
		});
		Partnership partnership = this.directory.partnership(this.code).orElseThrow();
		assertThat(this.audit.history("partnership-look", partnership.id())).extracting(AuditLog.AuditEvent::summary)
			.containsExactly("Set the look of " + partnership.name());
		// the name it goes by, changed with its look
		this.name = "Fixture Alliance " + this.code;
		this.mvc.perform(look(this.world.owner(), "#00703c", null)).andExpect(status().is3xxRedirection());
		assertThat(this.directory.partnership(this.code).orElseThrow().name()).isEqualTo(this.name);
		assertThat(this.audit.history("partnership", partnership.id())).extracting(AuditLog.AuditEvent::summary)
			.contains("Renamed " + partnership.name() + " as " + this.name);
		this.mvc.perform(get("/partnerships/{c}/look.css", this.code)).andExpect(content().string(containsString("background: #00703c")));
		this.mvc.perform(get("/partnerships/{c}/logo", this.code)).andExpect(content().bytes(png));
		for (String page : List.of("/partnerships/" + this.code, "/plans/" + this.world.plan().id(), "/plans/" + this.world.plan().id() + "/on-a-page")) {
			this.mvc.perform(get(page)).andExpect(content().string(allOf(containsString("/partnerships/" + this.code + "/look.css?v=2"),
					containsString("class=\"gt-look__logo\""), containsString("Fixture House, Alloa FK10 1EB"),
					containsString("Open Government Licence v3.0"))));
		}
		// a page about no one partnership has none
		this.mvc.perform(get("/plans")).andExpect(content().string(not(containsString("gt-look__name"))));
		byte[] pdf = this.mvc.perform(get("/api/reports/progress").param("plan", String.valueOf(this.world.plan().id())).param("format", "pdf"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains(this.name, "Fixture House, Alloa FK10 1EB · Open Government Licence v3.0");
			boolean hasPicture = false;
			for (var name : document.getPage(0).getResources().getXObjectNames()) {
				hasPicture |= document.getPage(0).getResources().getXObject(name) instanceof PDImageXObject;
			}
			assertThat(hasPicture).as("the logo is on the first page").isTrue();
		}
		byte[] docx = this.mvc.perform(get("/api/reports/progress").param("plan", String.valueOf(this.world.plan().id())).param("format", "docx"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
			// the styles Word opens it with: Normal in the partnership's font, headings in its colour, tables ruled as in the PDF
			var normal = word.getStyles().getStyle("Normal").getCTStyle();
			assertThat(normal.getRPr().getRFontsArray(0).getAscii()).isEqualTo("Verdana");
			assertThat(normal.getRPr().getSzArray(0).getVal()).hasToString("18");
			assertThat(word.getStyles().getStyle("Heading1").getCTStyle().getRPr().getColorArray(0).xgetVal().getStringValue()).isEqualTo("00703C");
			assertThat(word.getStyles().getStyle("GoldenThreadTable").getCTStyle().getRPr().getSzArray(0).getVal()).hasToString("18");
			assertThat(word.getTables()).extracting(XWPFTable::getStyleID).containsOnly("GoldenThreadTable");
			assertThat(word.getTables()).extracting(XWPFTable::getInsideHBorderColor).containsOnly("B1B4B6");
			assertThat(word.getAllPictures()).hasSize(1);
			assertThat(word.getParagraphs().get(0).getText()).contains(this.name);
			assertThat(word.getFooterList().get(0).getText()).contains("Fixture House, Alloa FK10 1EB · Open Government Licence v3.0");
		}
	}

}
