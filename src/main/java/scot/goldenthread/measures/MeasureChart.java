package scot.goldenthread.measures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.MinMaxCategoryRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import scot.goldenthread.measures.MeasureJudge.Assessment;

/**
 * A measure's trend chart as SVG: its values, Scotland's and its family group's, the target and the trajectory towards it.
 * Drawn on the server so that the same chart goes into pages, PDF and Word.
 */
public final class MeasureChart {

	static final Color AREA = new Color(0x1d, 0x70, 0xb8);

	static final Color SCOTLAND = new Color(0x50, 0x5a, 0x5f);

	static final Color FAMILY_GROUP = new Color(0x4c, 0x2c, 0x92);

	static final Color TARGET = new Color(0x00, 0x70, 0x3c);

	static final String INTERVAL = "95% confidence interval";

	private MeasureChart() {
	}

	public static String svg(Assessment assessment, String areaName, int width, int height) {
		return svg(assessment, areaName, Map.of(), width, height);
	}

	/** The same, with the place's confidence interval for each period its publisher gives one, drawn as a bar across its value. */
	public static String svg(Assessment assessment, String areaName, Map<Period, double[]> intervals, int width, int height) {
		SVGGraphics2D graphics = new SVGGraphics2D(width, height);
		chart(assessment, areaName, intervals).draw(graphics, new Rectangle(width, height));
		return graphics.getSVGElement();
	}

	/** The same chart as a picture for documents that take no SVG (PDF and Word reports), drawn at twice its size to print sharp. */
	public static byte[] png(Assessment assessment, String areaName, int width, int height) {
		try {
			return ChartUtils.encodeAsPNG(chart(assessment, areaName, Map.of()).createBufferedImage(width * 2, height * 2, width, height, null));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static JFreeChart chart(Assessment assessment, String areaName, Map<Period, double[]> intervals) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		List<Period> periods = periods(assessment);
		// the present rate carried on to the targets ahead, from the latest value
		Optional<Forecast.Line> forecast = assessment.targets().isEmpty() || assessment.measure().polarity() == Polarity.NO_JUDGEMENT
				? Optional.empty() : Forecast.line(assessment.series());
		for (Period period : periods) {
			String column = period.code();
			StatusEngine.at(assessment.series(), period).ifPresent((p) -> data.addValue(p.value(), areaName, column));
			StatusEngine.at(assessment.scotland(), period).ifPresent((p) -> data.addValue(p.value(), "Scotland", column));
			if (assessment.familyGroup() != null) {
				StatusEngine.at(assessment.familyGroup().series(), period)
					.ifPresent((p) -> data.addValue(p.value(), assessment.familyGroup().name(), column));
			}
			assessment.targets().stream().filter((t) -> t.period().equals(period))
				.forEach((t) -> data.addValue(t.value(), "Target", column));
			forecast.filter((line) -> line.ahead(period) || period.equals(line.latest().period()))
				.ifPresent((line) -> data.addValue(period.equals(line.latest().period()) ? line.latest().value() : line.at(period), "Forecast", column));
			if (assessment.baseline() != null && !assessment.targets().isEmpty()) {
				StatusEngine.Target last = assessment.targets().get(assessment.targets().size() - 1);
				if (period.compareTo(assessment.baseline().period()) >= 0 && period.compareTo(last.period()) <= 0) {
					data.addValue(StatusEngine.trajectory(assessment.baseline(), last, period), "Trajectory", column);
				}
			}
		}
		CategoryAxis periodAxis = new CategoryAxis();
		periodAxis.setCategoryLabelPositions(periods.size() > 8 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
		NumberAxis valueAxis = valueAxis(assessment.measure());
		LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
		CategoryPlot plot = new CategoryPlot(data, periodAxis, valueAxis, renderer);
		plot.setOrientation(PlotOrientation.VERTICAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xb1, 0xb4, 0xb6));
		style(renderer, data, areaName, AREA, new BasicStroke(3f));
		style(renderer, data, "Scotland", SCOTLAND, new BasicStroke(2f));
		if (assessment.familyGroup() != null) {
			style(renderer, data, assessment.familyGroup().name(), FAMILY_GROUP, new BasicStroke(2f));
		}
		style(renderer, data, "Target", TARGET, new BasicStroke(0f));
		style(renderer, data, "Trajectory", TARGET, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] { 6f, 4f }, 0f));
		style(renderer, data, "Forecast", AREA, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] { 2f, 4f }, 0f));
		int target = data.getRowIndex("Target");
		if (target >= 0) {
			renderer.setSeriesLinesVisible(target, false);
		}
		if (!intervals.isEmpty()) {
			// the interval's two ends as a second dataset, each period's joined by a line: an error bar
			DefaultCategoryDataset ends = new DefaultCategoryDataset();
			for (Period period : periods) {
				double[] interval = intervals.get(period);
				if (interval != null) {
					ends.addValue(interval[0], INTERVAL, period.code());
					ends.addValue(interval[1], INTERVAL + " (upper)", period.code());
				}
			}
			MinMaxCategoryRenderer bars = new MinMaxCategoryRenderer();
			bars.setDrawLines(false);
			bars.setGroupPaint(AREA);
			bars.setSeriesPaint(0, AREA);
			bars.setSeriesPaint(1, AREA);
			bars.setSeriesVisibleInLegend(1, false);
			plot.setDataset(1, ends);
			plot.setRenderer(1, bars);
		}
		JFreeChart chart = new JFreeChart(null, new Font("SansSerif", Font.PLAIN, 12), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		return chart;
	}

	/**
	 * The value axis in the measure's own terms: ticks written as its values are ("27%", "£1,250"), never
	 * finer than its decimals, so that values close together do not read "2.2E1" eleven times; a single value gets room.
	 */
	public static NumberAxis valueAxis(Measure measure) {
		NumberAxis axis = new NumberAxis((measure.unit() == Unit.RATE && measure.ratePer() != null)
				? "Rate per " + Unit.COUNT.format(measure.ratePer(), 0, null) : measure.unit().label());
		axis.setAutoRangeIncludesZero(false);
		NumberFormat format = new NumberFormat() {

			@Override
			public StringBuffer format(double value, StringBuffer to, FieldPosition position) {
				// a rate's "per 100,000" and percentage points are on the axis's label, not on every tick
				Unit unit = (measure.unit() == Unit.RATE || measure.unit() == Unit.PERCENTAGE_POINTS) ? Unit.COUNT : measure.unit();
				return to.append(unit.format(value, decimals(value), null));
			}

			@Override
			public StringBuffer format(long value, StringBuffer to, FieldPosition position) {
				return format((double) value, to, position);
			}

			@Override
			public Number parse(String text, ParsePosition position) {
				throw new UnsupportedOperationException("a chart's ticks are only written");
			}

			/** No more decimals than the tick needs, and no more than the measure has. */
			private int decimals(double value) {
				for (int d = 0; d < measure.decimals(); d++) {
					if (Math.abs(value * Math.pow(10, d) - Math.rint(value * Math.pow(10, d))) < 1e-9) {
						return d;
					}
				}
				return measure.decimals();
			}

		};
		TickUnits units = new TickUnits();
		for (int power = -measure.decimals(); power <= 12; power++) {
			for (int step : new int[] { 1, 2, 5 }) {
				units.add(new NumberTickUnit(step * Math.pow(10, power), format));
			}
		}
		axis.setStandardTickUnits(units);
		axis.setAutoRangeMinimumSize(10 * Math.pow(10, -measure.decimals()));
		return axis;
	}

	private static void style(LineAndShapeRenderer renderer, DefaultCategoryDataset data, String series, Color colour,
			BasicStroke stroke) {
		int row = data.getRowIndex(series);
		if (row >= 0) {
			renderer.setSeriesPaint(row, colour);
			renderer.setSeriesStroke(row, stroke);
		}
	}

	/** Every period with a value or a target, in order. */
	static List<Period> periods(Assessment assessment) {
		java.util.TreeSet<Period> periods = new java.util.TreeSet<>();
		assessment.series().forEach((p) -> periods.add(p.period()));
		assessment.scotland().forEach((p) -> periods.add(p.period()));
		if (assessment.familyGroup() != null) {
			assessment.familyGroup().series().forEach((p) -> periods.add(p.period()));
		}
		assessment.targets().forEach((t) -> periods.add(t.period()));
		if (assessment.baseline() != null) {
			periods.add(assessment.baseline().period());
		}
		return List.copyOf(periods);
	}

}
