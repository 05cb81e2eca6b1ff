package dev.vectorjpa.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots with XChart (headless): QPS against recall, and bars.
 */
public final class Charts {

	private Charts() {
	}

	/** A line series of points (x = recall, y = QPS). */
	public record Series(String name, List<double[]> points) {

	}

	/** Writes a QPS-vs-recall plot (log QPS axis, as ann-benchmarks draws it). */
	public static void recallQps(Path file, String title, List<Series> series) throws IOException {
		XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle("recall@10")
			.yAxisTitle("queries per second (1 thread)").build();
		chart.getStyler().setLegendPosition(LegendPosition.InsideSW);
		chart.getStyler().setYAxisLogarithmic(true);
		chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
		for (Series s : series) {
			if (s.points().isEmpty()) {
				continue;
			}
			double[] x = s.points().stream().mapToDouble((p) -> p[0]).toArray();
			double[] y = s.points().stream().mapToDouble((p) -> Math.max(p[1], 1e-3)).toArray();
			chart.addSeries(s.name(), x, y).setMarker(SeriesMarkers.CIRCLE);
		}
		save(chart, file);
	}

	/** Writes a grouped bar chart: one group per category, one bar per series. */
	public static void bars(Path file, String title, String yTitle, List<String> categories,
			Map<String, List<Double>> series) throws IOException {
		CategoryChart chart = new CategoryChartBuilder().width(1000).height(600).title(title).yAxisTitle(yTitle).build();
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		chart.getStyler().setXAxisLabelRotation(0);
		chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
		for (Map.Entry<String, List<Double>> entry : series.entrySet()) {
			chart.addSeries(entry.getKey(), categories, entry.getValue());
		}
		save(chart, file);
	}

	private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
		Files.createDirectories(file.getParent());
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
	}

}
