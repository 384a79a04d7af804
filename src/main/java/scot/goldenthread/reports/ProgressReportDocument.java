package scot.goldenthread.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.shared.Note;

/**
 * A progress report as a Word document an officer can edit and paste into committee papers: real
 * headings (so Word's navigation and contents work), real tables whose header row repeats on each
 * page, and notes as paragraphs and bulleted lists.
 */
final class ProgressReportDocument {


	/** When a report was produced, as every report file says it. */
	static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK);

	/** The style of every table, named so a test and an editor find it. */
	static final String TABLE_STYLE = "GoldenThreadTable";

	private static final String DEFAULT_FONT = "Arial";

	/** GOV.UK's text colour, and the grey of the PDF's rules. */
	private static final String INK = "0B0C0C";

	private static final String RULE = "B1B4B6";

	private static final List<String> COLUMNS = List.of("Code", "Action", "By When", "Progress", "Expected Outcome", "Latest Note", "Lead");

	/** Shares of the page's width, in fiftieths of a percent as Word counts them. */
	private static final int[] WIDTHS = { 350, 1100, 400, 400, 450, 1700, 600 };

	private ProgressReportDocument() {
	}

	static void write(ProgressReport report, ReportLook look, OutputStream out) {
		try (XWPFDocument doc = new XWPFDocument()) {
			BigInteger bullets = setUp(doc, report.title() + " progress report", report.draft(), look);
			body(doc, report, bullets);
			doc.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A landscape A4 document with its styles, a bulleted list (whose number it answers) and a footer; in the look of
	 * the partnership it is about, where there is one, its name and logo first.
	 */
	static BigInteger setUp(XWPFDocument doc, String footerTitle, boolean draft, ReportLook look) {
		landscape(doc);
		styles(doc, (look != null) ? look.look().font() : DEFAULT_FONT, (look != null) ? look.look().hex() : INK);
		footer(doc, footerTitle, (look != null) ? look.footer() : "");
		if (draft) {
			doc.createHeaderFooterPolicy().createWatermark("DRAFT");
		}
		if (look != null) {
			band(doc, look);
		}
		return bullets(doc);
	}

	/** The partnership's logo and its name, bold in its colour, at the top of the file. */
	private static void band(XWPFDocument doc, ReportLook look) {
		XWPFParagraph p = doc.createParagraph();
		if (look.logo() != null) {
			try {
				int height = 48;
				int width = Math.max(1, Math.round((float) look.look().logoWidth() * height / look.look().logoHeight()));
				p.createRun().addPicture(new ByteArrayInputStream(look.logo().bytes()),
						"image/png".equals(look.logo().type()) ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG, "logo",
						Units.pixelToEMU(width), Units.pixelToEMU(height));
				p.createRun().addTab();
			}
			catch (IOException | InvalidFormatException ex) {
				throw new IllegalStateException("The logo was checked when it was set", ex);
			}
		}
		XWPFRun name = p.createRun();
		name.setText(look.name());
		name.setBold(true);
		name.setFontSize(14);
		name.setColor(look.look().hex());
	}

	static void body(XWPFDocument doc, ProgressReport report, BigInteger bullets) {
		heading(doc, "Heading1", report.title());
		text(doc.createParagraph(), "Produced " + GENERATED.format(report.generatedAt())
				+ (report.draft() ? " · working draft: includes updates not yet approved" : ""), false);
		text(doc.createParagraph(), report.asAt(), false);
		report.chosen().forEach((c) -> text(doc.createParagraph(), c, false));
		summary(doc, report);
		for (ProgressReport.Group group : report.groups()) {
			if (!group.above().isEmpty()) {
				text(doc.createParagraph(), String.join(" › ", group.above()), false);
			}
			heading(doc, "Heading2", group.heading());
			if (!group.rows().isEmpty()) {
				actions(doc, group, bullets);
			}
			else if (group.measures().isEmpty()) {
				text(doc.createParagraph(), "No actions or published measures under it yet.", false);
			}
			else {
				text(doc.createParagraph(), "No actions under it yet. Its measures:", false);
				group.measures().forEach((m) -> text(doc.createParagraph(), "- " + m.title() + ": " + m.status(), false));
			}
		}
	}

	private static void summary(XWPFDocument doc, ProgressReport report) {
		Map<ExpectedOutcome, Long> counts = report.counts();
		XWPFTable table = doc.createTable(counts.size() + 2, 2);
		table.setWidth("40%");
		header(table.getRow(0), List.of("Expected outcome", "Actions"));
		int i = 1;
		for (Map.Entry<ExpectedOutcome, Long> count : counts.entrySet()) {
			cell(table.getRow(i).getCell(0), count.getKey().symbol() + " " + count.getKey().label(), false);
			cell(table.getRow(i++).getCell(1), count.getValue().toString(), false);
		}
		cell(table.getRow(i).getCell(0), "All actions", true);
		cell(table.getRow(i).getCell(1), Integer.toString(report.rows().size()), true);
		StringBuilder key = new StringBuilder("Key: ");
		for (ExpectedOutcome outcome : ExpectedOutcome.values()) {
			key.append(outcome.symbol()).append(' ').append(outcome.label()).append("   ");
		}
		text(doc.createParagraph(), key.toString().strip(), false);
	}

	private static void actions(XWPFDocument doc, ProgressReport.Group group, BigInteger bullets) {
		XWPFTable table = doc.createTable(1, COLUMNS.size());
		table.setWidth("100%");
		header(table.getRow(0), COLUMNS);
		for (int i = 0; i < group.rows().size(); i++) {
			ProgressReport.Row row = group.rows().get(i);
			if (group.startsUnder(i)) {
				XWPFTableRow level = table.createRow();
				level.setCantSplitRow(true);
				while (level.getTableCells().size() > 1) {
					level.removeCell(1);
				}
				level.getCell(0).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(COLUMNS.size()));
				cell(level.getCell(0), row.under(), true);
			}
			XWPFTableRow tr = table.createRow();
			tr.setCantSplitRow(true);
			cell(tr.getCell(0), row.code() + ((row.planCode() != null) ? "\n" + row.planCode() : ""), false);
			cell(tr.getCell(1), row.title() + ((row.phase() != null) ? "\n" + row.projectPhase() : ""), false);
			cell(tr.getCell(2), row.byWhen(), false);
			cell(tr.getCell(3), (row.progress() != null) ? row.progress() + "%" : "", false);
			cell(tr.getCell(4), ((row.expectedOutcome() != null) ? row.expectedOutcome().symbol() + " " + row.expectedOutcome().label() : "")
					+ ((row.state() != null) ? "\n" + row.state() : ""), false);
			XWPFTableCell noteCell = tr.getCell(5);
			note(() -> noteCell.getParagraphs().get(noteCell.getParagraphs().size() - 1), noteCell::addParagraph, row.note(), bullets);
			cell(tr.getCell(6), row.leadText(), false);
		}
		for (XWPFTableRow tr : table.getRows()) {
			if (tr.getTableCells().size() == 1) {
				// a level's heading, across the whole row
				tr.getCell(0).setWidth("100%");
			}
			else {
				for (int c = 0; c < WIDTHS.length; c++) {
					tr.getCell(c).setWidth(String.format(Locale.ROOT, "%.1f%%", WIDTHS[c] / 50.0));
				}
			}
		}
	}

	/** The table in the document's table style, with the PDF's thin grey rules. */
	static void styled(XWPFTable table) {
		table.setStyleID(TABLE_STYLE);
		table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
		table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
		table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
		table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
		table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
		table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
	}

	/** A table's header row: bold on grey, repeated on every page the table runs over; the table styled. */
	static void header(XWPFTableRow row, List<String> columns) {
		styled(row.getTable());
		row.setRepeatHeader(true);
		row.setHeightRule(TableRowHeightRule.AUTO);
		for (int c = 0; c < columns.size(); c++) {
			cell(row.getCell(c), columns.get(c), true);
			row.getCell(c).setColor("F3F2F1");
		}
	}

	static void cell(XWPFTableCell cell, String text, boolean bold) {
		text(cell.getParagraphs().get(0), text, bold);
	}

	/** The note's paragraphs as paragraphs, its bullets as a bulleted list: into {@code first}, then {@code next} ones. */
	static void note(Supplier<XWPFParagraph> first, Supplier<XWPFParagraph> next, String note, BigInteger bullets) {
		boolean started = false;
		for (Note.Block block : Note.blocks(note)) {
			for (String line : block.list() ? block.items() : List.of(block.text())) {
				XWPFParagraph p = started ? next.get() : first.get();
				started = true;
				if (block.list()) {
					p.setNumID(bullets);
				}
				p.setSpacingAfter(60);
				text(p, line, false);
			}
		}
	}

	static void text(XWPFParagraph paragraph, String text, boolean bold) {
		String[] lines = text.split("\n", -1);
		XWPFRun run = paragraph.createRun();
		run.setBold(bold);
		run.setFontSize(9);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				run.addBreak();
			}
			run.setText(lines[i]);
		}
	}

	static void heading(XWPFDocument doc, String style, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setStyle(style);
		p.createRun().setText(text);
	}

	private static void landscape(XWPFDocument doc) {
		page(doc.getDocument().getBody().addNewSectPr(), true);
	}

	/** A section's A4 page, landscape or portrait, with half-inch margins. */
	static void page(CTSectPr section, boolean landscape) {
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(landscape ? 16838 : 11906));
		size.setH(BigInteger.valueOf(landscape ? 11906 : 16838));
		size.setOrient(landscape ? STPageOrientation.LANDSCAPE : STPageOrientation.PORTRAIT);
		CTPageMar margins = section.addNewPgMar();
		BigInteger halfInch = BigInteger.valueOf(720);
		margins.setTop(halfInch);
		margins.setBottom(halfInch);
		margins.setLeft(halfInch);
		margins.setRight(halfInch);
	}

	/**
	 * The document's styles, so it opens in Word looking like the PDF: "Normal" in the font at 9 points, as the PDF's
	 * text; Word's own "heading 1" and "heading 2", in the colour, so its navigation pane and table of contents find
	 * them; and a table style, whose rules {@link #styled} draws on each table (the style's own need schemas the
	 * lite OOXML library leaves out).
	 */
	private static void styles(XWPFDocument doc, String font, String colour) {
		XWPFStyles styles = doc.createStyles();
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setAscii(font);
		fonts.setHAnsi(font);
		fonts.setCs(font);
		fonts.setEastAsia(font);
		styles.setDefaultFonts(fonts);
		CTStyle normal = style("Normal", "Normal", STStyleType.PARAGRAPH);
		normal.setDefault(true);
		normal.addNewPPr().addNewSpacing().setAfter(BigInteger.valueOf(60));
		normal.addNewRPr().addNewRFonts().set(fonts);
		normal.getRPr().addNewSz().setVal(BigInteger.valueOf(18));
		styles.addStyle(new XWPFStyle(normal));
		String[][] headings = { { "Heading1", "heading 1", "0", "32" }, { "Heading2", "heading 2", "1", "24" }, { "Heading3", "heading 3", "2", "20" } };
		for (String[] d : headings) {
			CTStyle style = style(d[0], d[1], STStyleType.PARAGRAPH);
			style.addNewBasedOn().setVal("Normal");
			style.addNewNext().setVal("Normal");
			style.addNewQFormat();
			style.addNewPPr().addNewOutlineLvl().setVal(new BigInteger(d[2]));
			style.getPPr().addNewKeepNext();
			style.getPPr().addNewSpacing().setBefore(BigInteger.valueOf(240));
			style.addNewRPr().addNewB();
			style.getRPr().addNewSz().setVal(new BigInteger(d[3]));
			style.getRPr().addNewColor().setVal(colour);
			styles.addStyle(new XWPFStyle(style));
		}
		CTStyle table = style(TABLE_STYLE, "Golden Thread table", STStyleType.TABLE);
		table.addNewBasedOn().setVal("TableNormal");
		table.addNewPPr().addNewSpacing().setAfter(BigInteger.ZERO);
		table.addNewRPr().addNewSz().setVal(BigInteger.valueOf(18));
		styles.addStyle(new XWPFStyle(table));
	}

	private static CTStyle style(String id, String name, STStyleType.Enum type) {
		CTStyle style = CTStyle.Factory.newInstance();
		style.setStyleId(id);
		style.setType(type);
		style.addNewName().setVal(name);
		return style;
	}

	private static BigInteger bullets(XWPFDocument doc) {
		CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
		abstractNum.setAbstractNumId(BigInteger.ZERO);
		CTLvl level = abstractNum.addNewLvl();
		level.setIlvl(BigInteger.ZERO);
		level.addNewNumFmt().setVal(STNumberFormat.BULLET);
		level.addNewLvlText().setVal("•");
		level.addNewStart().setVal(BigInteger.ONE);
		level.addNewPPr().addNewInd().setLeft(BigInteger.valueOf(284));
		level.getPPr().getInd().setHanging(BigInteger.valueOf(284));
		XWPFNumbering numbering = doc.createNumbering();
		return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
	}

	/** The partnership's contact and licence lines, where it has them, then the title and "Page N of M", as fields Word keeps up to date. */
	private static void footer(XWPFDocument doc, String title, String lines) {
		XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
		if (!lines.isEmpty()) {
			XWPFRun run = footer.createParagraph().createRun();
			run.setText(lines);
			run.setFontSize(7);
		}
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.RIGHT);
		p.createRun().setText(title + " · Page ");
		field(p, "PAGE");
		p.createRun().setText(" of ");
		field(p, "NUMPAGES");
	}

	private static void field(XWPFParagraph p, String instruction) {
		p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		p.createRun().getCTR().addNewInstrText().setStringValue(instruction);
		p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
	}

}
