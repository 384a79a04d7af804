package scot.goldenthread.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** A committee's cover paper as a Word document, its sections as headings, and the progress report after a page break. */
final class CommitteeReportDocument {

	private static final DateTimeFormatter MEETING = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private CommitteeReportDocument() {
	}

	static void write(CommitteeReport paper, ProgressReport appendix, OutputStream out) {
		try (XWPFDocument doc = new XWPFDocument()) {
			BigInteger bullets = ProgressReportDocument.setUp(doc, paper.subject(), false);
			ProgressReportDocument.text(doc.createParagraph(), paper.organisation().toUpperCase(Locale.UK), true);
			String[][] facts = { { "Report to:", paper.reportTo() }, { "Date of Meeting:", MEETING.format(paper.meetingDate()) },
					{ "Subject:", paper.subject() }, { "Report by:", paper.reportBy() } };
			XWPFTable table = doc.createTable(facts.length, 2);
			table.setWidth("70%");
			for (int r = 0; r < facts.length; r++) {
				ProgressReportDocument.cell(table.getRow(r).getCell(0), facts[r][0], true);
				ProgressReportDocument.cell(table.getRow(r).getCell(1), facts[r][1], false);
			}
			for (CommitteeReport.Numbered section : paper.numbered()) {
				ProgressReportDocument.heading(doc, "Heading2", section.heading());
				ProgressReportDocument.note(doc::createParagraph, doc::createParagraph, section.text(), bullets);
			}
			doc.createParagraph().createRun().addBreak(BreakType.PAGE);
			ProgressReportDocument.text(doc.createParagraph(), "Appendix 1", true);
			ProgressReportDocument.body(doc, appendix, bullets);
			doc.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
