package scot.goldenthread.places;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import scot.goldenthread.measures.MeasureChart;

/**
 * One measure for a place as bars: the place, its council and Scotland, then the place's five SIMD quintiles from the
 * most deprived to the least, so the gap between them shows at a glance.
 */
final class PlaceChart {

	private static final Color PLACE = new Color(0x1d, 0x70, 0xb8);

	private static final Color OTHER = new Color(0x50, 0x5a, 0x5f);

	private PlaceChart() {
	}

	static String svg(PlaceProfiles.Row row, PlaceProfiles.Where where, int width, int height) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		String name = where.place().name();
		add(data, row.here(), name);
		if (where.council() != null && !where.atCouncilLevel()) {
			add(data, row.council(), where.council().name());
		}
		if (!where.atCountryLevel()) {
			add(data, row.scotland(), "Scotland");
		}
		String[] fifths = { "Most deprived fifth", "Second fifth", "Third fifth", "Fourth fifth", "Least deprived fifth" };
		for (int q = 0; q < 5; q++) {
			add(data, row.quintiles().get(q), fifths[q]);
		}
		BarRenderer bars = new BarRenderer() {
			@Override
			public java.awt.Paint getItemPaint(int series, int column) {
				int quintiles = data.getColumnCount() - 5;
				return (column == 0) ? PLACE : (column < quintiles) ? OTHER : PlaceMap.SHADES.get(column - quintiles);
			}
		};
		bars.setBarPainter(new StandardBarPainter());
		bars.setShadowVisible(false);
		// the least deprived fifth's pale shade needs an edge to be seen on white
		bars.setDrawBarOutline(true);
		bars.setDefaultOutlinePaint(OTHER);
		CategoryAxis places = new CategoryAxis();
		places.setMaximumCategoryLabelLines(2);
		// the chart is shown smaller than it is drawn: its words are drawn large to be read
		places.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 15));
		org.jfree.chart.axis.NumberAxis values = MeasureChart.valueAxis(row.measure());
		values.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 14));
		values.setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
		CategoryPlot plot = new CategoryPlot(data, places, values, bars);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xb1, 0xb4, 0xb6));
		JFreeChart chart = new JFreeChart(null, new Font("SansSerif", Font.PLAIN, 12), plot, false);
		chart.setBackgroundPaint(Color.WHITE);
		SVGGraphics2D graphics = new SVGGraphics2D(width, height);
		chart.draw(graphics, new Rectangle(width, height));
		return graphics.getSVGElement();
	}

	private static void add(DefaultCategoryDataset data, Aggregation.Figure figure, String column) {
		data.addValue((figure == null) ? null : figure.value(), "value", column);
	}

}
