package scot.goldenthread.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** A {@link ReportDocument} as a Word file: its headings as Word's headings, so a screen reader can move between them. */
final class ReportDocumentFile {

	private ReportDocumentFile() {
	}

	static void write(ReportDocument document, ReportLook look, OutputStream out) {
		try (XWPFDocument doc = new XWPFDocument()) {
			BigInteger bullets = ProgressReportDocument.setUp(doc, document.title(), false, look);
			ProgressReportDocument.heading(doc, "Heading1", document.title());
			ProgressReportDocument.text(doc.createParagraph(), document.plan().title() + " · produced "
					+ ProgressReportDocument.GENERATED.format(document.generatedAt()), false);
			if (document.summary() != null) {
				ProgressReportDocument.text(doc.createParagraph(), document.summary(), false);
			}
			for (ReportDocument.Section section : document.sections()) {
				ProgressReportDocument.heading(doc, "Heading2", section.heading());
				if (section.lead() != null) {
					ProgressReportDocument.text(doc.createParagraph(), section.lead(), true);
				}
				for (ReportDocument.Part part : section.parts()) {
					if (part.heading() != null) {
						ProgressReportDocument.heading(doc, "Heading3", part.heading());
					}
					part.paragraphs().forEach((p) -> ProgressReportDocument.text(doc.createParagraph(), p, false));
					for (String item : part.items()) {
						var p = doc.createParagraph();
						p.setNumID(bullets);
						ProgressReportDocument.text(p, item, false);
					}
				}
			}
			doc.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
