package scot.goldenthread.partnerships;

import java.util.List;
import java.util.Locale;

/**
 * A partnership's own look: its colour (a band of it, with white text, heads its public pages and report files), the
 * font its Word files use, whether it has a logo, and the footer's contact and licence lines. {@code partnershipCode}
 * is the partnership whose look it is: the page's own, or the one above it.
 */
public record Look(String partnershipCode, String name, String colour, String font, String contact, String licence, boolean logo,
		int logoWidth, int logoHeight, int version) {

	/** The fonts a Word file may name: ones every council's computers have. */
	public static final List<String> FONTS = List.of("Arial", "Calibri", "Verdana", "Tahoma", "Segoe UI", "Times New Roman");

	/** The colour without its '#', as Word writes colours. */
	public String hex() {
		return this.colour.substring(1).toUpperCase(Locale.ROOT);
	}

	/** The colour's contrast with white, as WCAG 2.2 works it out (1 to 21). */
	public static double contrastWithWhite(String colour) {
		double l = 0.2126 * channel(colour, 1) + 0.7152 * channel(colour, 3) + 0.0722 * channel(colour, 5);
		return 1.05 / (l + 0.05);
	}

	private static double channel(String colour, int at) {
		double c = Integer.parseInt(colour.substring(at, at + 2), 16) / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	/** The logo's height at {@code width} pixels wide, as it keeps its shape. */
	public int logoHeightAt(int width) {
		return Math.max(1, Math.round((float) this.logoHeight * width / this.logoWidth));
	}

}
