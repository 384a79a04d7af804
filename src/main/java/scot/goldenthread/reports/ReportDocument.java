package scot.goldenthread.reports;

import java.time.OffsetDateTime;
import java.util.List;

import scot.goldenthread.plans.Plan;

/**
 * A report about a plan made of headed sections of paragraphs and lists, written by another module and printed here as
 * a page, a tagged PDF and a Word file in the partnership's look: such as the plan's check against the six statements.
 */
public record ReportDocument(Plan plan, String title, String summary, List<Section> sections, OffsetDateTime generatedAt) {

	/** A section: its heading, a lead paragraph (may be null) and its parts. */
	public record Section(String heading, String lead, List<Part> parts) {
	}

	/**
	 * A part of a section: a heading (may be null), then a picture (may be null), paragraphs, a bulleted list and a
	 * table (may be null).
	 */
	public record Part(String heading, List<String> paragraphs, List<String> items, Table table, Picture picture) {

		public Part(String heading, List<String> paragraphs, List<String> items) {
			this(heading, paragraphs, items, null, null);
		}

		public Part(String heading, List<String> paragraphs, List<String> items, Table table) {
			this(heading, paragraphs, items, table, null);
		}

	}

	/** A PNG or JPEG picture with the words that say what it shows. */
	public record Picture(byte[] bytes, String type, String alt) {

		/** The picture inside the page or PDF itself, so that a file stands alone. */
		public String dataUri() {
			return scot.goldenthread.shared.DataUri.of(this.type, this.bytes);
		}

	}

	/** A table with its caption, its column headings and its rows of text; the first cell of a row heads it. */
	public record Table(String caption, List<String> columns, List<List<String>> rows) {
	}

	/** A name for the file, from the plan's code and the title. */
	public String fileName() {
		return (this.plan.code() + "-" + this.title).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
