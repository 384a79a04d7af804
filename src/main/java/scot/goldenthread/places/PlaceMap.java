package scot.goldenthread.places;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.util.List;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.locationtech.jts.awt.PointTransformation;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A map drawn on the server as SVG, so it needs no script, prints, and goes into reports as the charts do: places
 * shaded by band (a SIMD quintile, a fifth of a measure's values), one place outlined, a legend and the attribution
 * the boundaries' licence asks for. The same values are always in a table beside it for those who cannot see it.
 */
final class PlaceMap {

	/** Five shades of one blue, darkest first, told apart in greyscale and by people with any colour blindness. */
	static final List<Color> SHADES = List.of(new Color(0x08, 0x30, 0x6b), new Color(0x21, 0x71, 0xb5), new Color(0x6b, 0xae, 0xd6),
			new Color(0xc6, 0xdb, 0xef), new Color(0xf7, 0xfb, 0xff));

	private static final Color NO_DATA = new Color(0xb1, 0xb4, 0xb6);

	private static final Color EDGE = new Color(0x50, 0x5a, 0x5f);

	private static final Color TEXT = new Color(0x0b, 0x0c, 0x0c);

	private static final int LEGEND_ROW = 30;

	/** A place on the map: its outline, and its band, counted from 1 for the darkest; 0 where it has no value. */
	record Area(String name, Geometry outline, int band) {
	}

	private PlaceMap() {
	}

	/** The shade of the place ranked {@code rank} of {@code of}: the first darkest, the last lightest, the rest spread between. */
	static int fifth(int rank, int of) {
		return (of <= 1) ? 1 : 1 + (rank - 1) * (SHADES.size() - 1) / (of - 1);
	}

	/**
	 * The areas shaded by band, {@code outlined} drawn over them in a heavy line (or null), the legend's labels one a
	 * band, darkest first, and the attribution at the foot.
	 */
	static String svg(List<Area> areas, Geometry outlined, List<String> legend, List<String> attribution, int width) {
		Envelope box = new Envelope();
		areas.forEach((a) -> box.expandToInclude(a.outline().getEnvelopeInternal()));
		if (outlined != null) {
			box.expandToInclude(outlined.getEnvelopeInternal());
		}
		int pad = 8;
		double scale = (width - 2.0 * pad) / Math.max(box.getWidth(), 1);
		int mapHeight = (int) Math.ceil(box.getHeight() * scale) + 2 * pad;
		// a tall place (Highland) would run far down the page: keep the map no taller than it is wide
		if (mapHeight > width) {
			scale = (width - 2.0 * pad) / Math.max(box.getHeight(), 1);
			mapHeight = width;
		}
		double s = scale;
		int footer = (legend.size() + 1) * LEGEND_ROW + attribution.size() * 20 + 12;
		SVGGraphics2D g = new SVGGraphics2D(width, mapHeight + footer);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setPaint(Color.WHITE);
		g.fillRect(0, 0, width, mapHeight + footer);
		PointTransformation grid = (point, view) -> view.setLocation(pad + (point.x - box.getMinX()) * s, pad + (box.getMaxY() - point.y) * s);
		ShapeWriter shapes = new ShapeWriter(grid);
		g.setStroke(new BasicStroke(0.5f));
		for (Area area : areas) {
			java.awt.Shape shape = shapes.toShape(area.outline());
			g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, area.name());
			g.setPaint((area.band() > 0) ? SHADES.get(area.band() - 1) : NO_DATA);
			g.fill(shape);
			g.setPaint(EDGE);
			g.draw(shape);
		}
		if (outlined != null) {
			g.setPaint(new Color(0xff, 0xdd, 0x00));
			g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			g.draw(shapes.toShape(outlined));
			g.setPaint(TEXT);
			g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			g.draw(shapes.toShape(outlined));
		}
		// written large, as the map is shown at half its width on a page and less on a phone
		g.setFont(new Font("SansSerif", Font.PLAIN, 19));
		int y = mapHeight + 8;
		for (int i = 0; i < legend.size(); i++) {
			g.setPaint(SHADES.get(i));
			g.fillRect(pad, y, 26, 20);
			g.setPaint(TEXT);
			g.drawRect(pad, y, 26, 20);
			g.drawString(legend.get(i), pad + 36, y + 17);
			y += LEGEND_ROW;
		}
		g.setPaint(NO_DATA);
		g.fillRect(pad, y, 26, 20);
		g.setPaint(TEXT);
		g.drawString("No value", pad + 36, y + 17);
		y += LEGEND_ROW + 4;
		g.setFont(new Font("SansSerif", Font.PLAIN, 14));
		for (String line : attribution) {
			g.drawString(line, pad, y);
			y += 20;
		}
		return g.getSVGDocument();
	}

}
