package scot.goldenthread.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

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
					if (part.picture() != null) {
						picture(doc, part.picture());
					}
					part.paragraphs().forEach((p) -> ProgressReportDocument.text(doc.createParagraph(), p, false));
					for (String item : part.items()) {
						var p = doc.createParagraph();
						p.setNumID(bullets);
						ProgressReportDocument.text(p, item, false);
					}
					if (part.table() != null) {
						table(doc, part.table());
					}
				}
			}
			doc.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The picture at up to 10 cm wide, with its words as the alternative text Word reads out. */
	private static void picture(XWPFDocument doc, ReportDocument.Picture picture) throws IOException {
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(picture.bytes()));
		double scale = Math.min(1, 378.0 / image.getWidth());
		try {
			var run = doc.createParagraph().createRun();
			run.addPicture(new java.io.ByteArrayInputStream(picture.bytes()),
					"image/png".equals(picture.type()) ? org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG
							: org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_JPEG,
					picture.alt(), org.apache.poi.util.Units.pixelToEMU((int) (image.getWidth() * scale)),
					org.apache.poi.util.Units.pixelToEMU((int) (image.getHeight() * scale)));
			run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(picture.alt());
		}
		catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
			throw new IllegalStateException("The picture was checked when it was added", ex);
		}
	}

	/** A table in the reports' style, its caption above it and its heading row repeated on each page. */
	private static void table(XWPFDocument doc, ReportDocument.Table table) {
		ProgressReportDocument.text(doc.createParagraph(), table.caption(), true);
		XWPFTable t = doc.createTable(table.rows().size() + 1, table.columns().size());
		t.setWidth("100%");
		ProgressReportDocument.styled(t);
		ProgressReportDocument.header(t.getRow(0), table.columns());
		t.getRow(0).setRepeatHeader(true);
		for (int r = 0; r < table.rows().size(); r++) {
			List<String> row = table.rows().get(r);
			for (int c = 0; c < row.size(); c++) {
				ProgressReportDocument.cell(t.getRow(r + 1).getCell(c), (row.get(c) != null) ? row.get(c) : "", c == 0);
			}
		}
		doc.createParagraph();
	}

}
