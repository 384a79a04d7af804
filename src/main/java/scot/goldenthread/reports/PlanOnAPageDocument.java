package scot.goldenthread.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

import scot.goldenthread.plans.PlanLevels;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanOnAPage;

/** A plan on a page as a Word table: a column for each pillar, a row for each band. */
final class PlanOnAPageDocument {

	private PlanOnAPageDocument() {
	}

	static void write(PlanOnAPage page, ReportLook look, OutputStream out) {
		try (XWPFDocument doc = new XWPFDocument()) {
			java.math.BigInteger bullets = ProgressReportDocument.setUp(doc, page.tree().plan().title() + ": plan on a page", false, look);
			ProgressReportDocument.heading(doc, "Heading1", page.tree().plan().title());
			if (page.vision() != null) {
				ProgressReportDocument.text(doc.createParagraph(), "Our Vision: " + page.vision().title(), true);
			}
			int columns = Math.max(1, page.columns().size());
			XWPFTable table = doc.createTable(2 + 2 * page.rows().size(), columns);
			table.setWidth("100%");
			String pillars = page.columns().isEmpty() ? "" : page.columns().get(0).pillar().level().plural();
			band(table, 0, "Our " + pillars + " " + page.period());
			for (int c = 0; c < page.columns().size(); c++) {
				PlanOnAPage.Column column = page.columns().get(c);
				XWPFTableCell cell = table.getRow(1).getCell(c);
				ProgressReportDocument.cell(cell, column.pillar().title(), true);
				String statement = (column.pillar().shortTitle() != null) ? column.pillar().shortTitle() : column.pillar().description();
				if (statement != null) {
					ProgressReportDocument.text(cell.addParagraph(), statement, false);
				}
				if (!column.themes().isEmpty()) {
					ProgressReportDocument.text(cell.addParagraph(), "Priority themes: "
							+ String.join("; ", column.themes().stream().map(PlanElement::title).toList()), false);
				}
			}
			int row = 2;
			for (PlanLevels.Level level : page.rows()) {
				band(table, row, "Our " + level.plural() + " " + page.period());
				for (int c = 0; c < page.columns().size(); c++) {
					List<PlanElement> items = page.columns().get(c).row(level.kind());
					XWPFTableCell cell = table.getRow(row + 1).getCell(c);
					ProgressReportDocument.note(() -> cell.getParagraphs().get(cell.getParagraphs().size() - 1), cell::addParagraph,
							String.join("\n", items.stream().map((e) -> "- " + e.headline()).toList()), bullets);
				}
				row += 2;
			}
			doc.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A heading band across every column, as the printed plan has. */
	private static void band(XWPFTable table, int row, String text) {
		ProgressReportDocument.cell(table.getRow(row).getCell(0), text, true);
		for (int c = 0; c < table.getRow(row).getTableCells().size(); c++) {
			table.getRow(row).getCell(c).setColor("F3D98B");
		}
		if (table.getRow(row).getTableCells().size() > 1) {
			table.getRow(row).getCell(0).getCTTc().addNewTcPr().addNewGridSpan().setVal(java.math.BigInteger.valueOf(table.getRow(row).getTableCells().size()));
			while (table.getRow(row).getTableCells().size() > 1) {
				table.getRow(row).removeCell(1);
			}
		}
	}

}
