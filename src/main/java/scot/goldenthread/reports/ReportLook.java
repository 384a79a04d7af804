package scot.goldenthread.reports;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import scot.goldenthread.partnerships.Look;
import scot.goldenthread.partnerships.PartnershipLooks;
import scot.goldenthread.shared.DataUri;

/**
 * The look of the partnership a report file is about, as the file carries it: its logo inside the file, its colour
 * behind its name at the top, and its contact and licence lines in the footer. Without one a file looks as it always
 * has.
 */
record ReportLook(Look look, PartnershipLooks.Logo logo) {

	/** As report.css sets the footer's type: openhtmltopdf takes a margin box's rule whole, not merged with an earlier one. */
	private static final String FOOTER_TYPE = "font-family: \"DejaVu Sans\", Arial, sans-serif; font-size: 7pt; color: #505a5f; width: 75%;";

	public String name() {
		return this.look.name();
	}

	/** The logo inside the file, for a file stands alone. */
	public String logoUri() {
		return (this.logo != null) ? DataUri.of(this.logo.type(), this.logo.bytes()) : null;
	}

	/** The footer's words: contact, then licence, where given. */
	public String footer() {
		return Stream.of(this.look.contact(), this.look.licence()).filter((line) -> !line.isEmpty()).collect(Collectors.joining(" · "));
	}

	/** What the file's styles add: the colour behind the name, and the footer's words in place of the product's name. */
	String css() {
		String footer = footer().isEmpty() ? "Golden Thread" : footer();
		return ".gt-report__look { background: " + this.look.colour() + "; }\n"
				+ "@page { @bottom-left { content: \"" + footer.replace("\\", "\\\\").replace("\"", "\\\"") + "\"; " + FOOTER_TYPE + " } }\n";
	}

}
