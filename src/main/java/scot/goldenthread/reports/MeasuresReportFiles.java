package scot.goldenthread.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import scot.goldenthread.shared.ReportTable;

/** The measures report as Word (tables and charts), Excel and CSV (one row per measure). */
final class MeasuresReportFiles {

	private static final List<String> HEADINGS = List.of("Code", "Measure", "Latest", "Period", "Target", "Status", "Trend",
			"Compared with Scotland");

	private record Line(MeasuresReport.Group group, MeasuresReport.Row row) {
	}

	private static final ReportTable<Line> TABLE = new ReportTable<>(List.of(
			new ReportTable.Column<Line>("Pillar", 30, (l) -> l.group().heading()),
			new ReportTable.Column<Line>("Code", 14, (l) -> l.row().code()),
			new ReportTable.Column<Line>("Measure", 50, (l) -> l.row().title()),
			new ReportTable.Column<Line>("Latest", 12, (l) -> l.row().latest()),
			new ReportTable.Column<Line>("Period", 12, (l) -> l.row().period()),
			new ReportTable.Column<Line>("Target", 20, (l) -> l.row().target()),
			new ReportTable.Column<Line>("Status", 16, (l) -> l.row().status()),
			new ReportTable.Column<Line>("Trend", 16, (l) -> l.row().trend()),
			new ReportTable.Column<Line>("Compared with Scotland", 16, (l) -> l.row().comparison()),
			new ReportTable.Column<Line>("In words", 60, (l) -> l.row().wording())));

	private MeasuresReportFiles() {
	}

	private static List<Line> lines(MeasuresReport report) {
		List<Line> lines = new ArrayList<>();
		report.groups().forEach((g) -> g.rows().forEach((r) -> lines.add(new Line(g, r))));
		return lines;
	}

	static void csv(MeasuresReport report, OutputStream out) {
		TABLE.csv(lines(report), out);
	}

	static void xlsx(MeasuresReport report, OutputStream out) {
		TABLE.xlsx(lines(report), "Measures", new String[][] { { "Report", report.plan().title() + " measures report" },
				{ "Produced", ProgressReportDocument.GENERATED.format(report.generatedAt()) }, { "Measures", Integer.toString(report.rows().size()) } }, out);
	}

	static void docx(MeasuresReport report, ReportLook look, OutputStream out) {
		try (XWPFDocument doc = new XWPFDocument()) {
			ProgressReportDocument.setUp(doc, report.plan().title() + " measures report", false, look);
			ProgressReportDocument.heading(doc, "Heading1", report.plan().title() + ": measures");
			ProgressReportDocument.text(doc.createParagraph(), "Produced " + ProgressReportDocument.GENERATED.format(report.generatedAt()), false);
			ProgressReportDocument.text(doc.createParagraph(), "Key: ● On target · ▲ Within tolerance of its target · ■ Off target · "
					+ "⬆ Improving · ⬇ Getting worse · ➡ No change, compared with the period before", false);
			for (MeasuresReport.Group group : report.groups()) {
				ProgressReportDocument.heading(doc, "Heading2", group.heading());
				if (group.rows().isEmpty()) {
					ProgressReportDocument.text(doc.createParagraph(), "No measures.", false);
					continue;
				}
				XWPFTable table = doc.createTable(1, HEADINGS.size());
				table.setWidth("100%");
				ProgressReportDocument.header(table.getRow(0), HEADINGS);
				for (MeasuresReport.Row row : group.rows()) {
					XWPFTableRow tr = table.createRow();
					String[] cells = { row.code(), row.title(), row.latest(), row.period(), row.target(), row.status(), row.trend(), row.comparison() };
					for (int c = 0; c < cells.length; c++) {
						ProgressReportDocument.cell(tr.getCell(c), cells[c], false);
					}
				}
				for (MeasuresReport.Row row : group.rows()) {
					if (row.chart() != null) {
						ProgressReportDocument.text(doc.createParagraph(), row.code() + " " + row.title(), true);
						doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(row.chart()), PictureType.PNG,
								row.code() + ".png", Units.toEMU(MeasuresReports.CHART_WIDTH * 0.75), Units.toEMU(MeasuresReports.CHART_HEIGHT * 0.75));
					}
				}
			}
			doc.write(out);
		}
		catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
