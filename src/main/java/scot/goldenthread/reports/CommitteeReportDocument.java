package scot.goldenthread.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtrRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A committee's cover paper as a Word document, its sections as headings, on portrait pages; then the progress report
 * as its appendix, on landscape pages, in a section of its own.
 */
final class CommitteeReportDocument {

	private static final DateTimeFormatter MEETING = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private CommitteeReportDocument() {
	}

	static void write(CommitteeReport paper, ProgressReport appendix, List<CommitteeAppendices.Attached> attached, ReportLook look,
			OutputStream out) {
		try (XWPFDocument doc = new XWPFDocument()) {
			BigInteger bullets = ProgressReportDocument.setUp(doc, paper.subject(), false, look);
			ProgressReportDocument.text(doc.createParagraph(), paper.organisation().toUpperCase(Locale.UK), true);
			String[][] facts = { { "Report to:", paper.reportTo() }, { "Date of Meeting:", MEETING.format(paper.meetingDate()) },
					{ "Subject:", paper.subject() }, { "Report by:", paper.reportBy() } };
			XWPFTable table = doc.createTable(facts.length, 2);
			ProgressReportDocument.styled(table);
			table.setWidth("70%");
			for (int r = 0; r < facts.length; r++) {
				ProgressReportDocument.cell(table.getRow(r).getCell(0), facts[r][0], true);
				ProgressReportDocument.cell(table.getRow(r).getCell(1), facts[r][1], false);
			}
			for (CommitteeReport.Numbered section : paper.numbered()) {
				ProgressReportDocument.heading(doc, "Heading2", section.heading());
				ProgressReportDocument.note(doc::createParagraph, doc::createParagraph, section.text(), bullets);
			}
			if (!attached.isEmpty()) {
				ProgressReportDocument.heading(doc, "Heading2", "Appendices to this paper");
				List<String> lines = new ArrayList<>(List.of("- Appendix 1: the progress report, below"));
				attached.forEach((a) -> lines.add("- Appendix " + a.number() + ": " + a.title() + (a.pdf() ? " (PDF" : " (Word file")
						+ ", published with this paper)"));
				ProgressReportDocument.note(doc::createParagraph, doc::createParagraph, String.join("\n", lines), bullets);
			}
			// the cover's section ends here, portrait, with the same footer and watermark as the appendix's
			CTSectPr body = doc.getDocument().getBody().getSectPr();
			CTSectPr cover = doc.createParagraph().getCTP().addNewPPr().addNewSectPr();
			ProgressReportDocument.page(cover, false);
			for (CTHdrFtrRef footer : body.getFooterReferenceArray()) {
				cover.addNewFooterReference().set(footer);
			}
			for (CTHdrFtrRef header : body.getHeaderReferenceArray()) {
				cover.addNewHeaderReference().set(header);
			}
			ProgressReportDocument.text(doc.createParagraph(), "Appendix 1", true);
			ProgressReportDocument.body(doc, appendix, bullets);
			doc.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
